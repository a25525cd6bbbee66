//! Benchmark: verdicts, warning signs and portfolio summaries for a generated
//! portfolio of 2,000 clients (8 stakeholders, 6 issues, 12 touchpoints and
//! 4 assessments each). The target is well under one 16 ms frame.
//!
//! Run with `cargo bench --bench domain`. A plain std::time loop: warm-up,
//! then the median of several runs.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::hint::black_box;
    use std::time::Instant;

    use continuum_core::domain::summary::{assess_portfolio, summarize};
    use continuum_core::domain::{generate_portfolio, Date, SampleShape};

    const CLIENTS: usize = 2_000;
    const WARM_UP: usize = 5;
    const RUNS: usize = 31;

    let today = Date::from_ymd(2026, 3, 1).unwrap_or(Date::from_days_since_epoch(20_513));
    let portfolio = generate_portfolio(2026, CLIENTS, today, SampleShape::BENCH);

    let run = || {
        let views = assess_portfolio(black_box(&portfolio), today);
        let summary = summarize(&portfolio, &views, today);
        black_box((views, summary));
    };
    for _ in 0..WARM_UP {
        run();
    }
    let mut times: Vec<f64> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            run();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let median = times[RUNS / 2];
    println!(
        "domain: {CLIENTS} clients, verdicts + warning signs + summaries: median {median:.2} ms \
         (min {:.2} ms, max {:.2} ms, {RUNS} runs)",
        times[0],
        times[RUNS - 1]
    );
}

// The bench is native only; wasm builds get an empty program.
#[cfg(target_arch = "wasm32")]
fn main() {}
