//! Writes a seeded benchmark portfolio as a Continuum file, for `./dev.sh bench`
//! (tools/bench.mjs). The generator stays native so the app's wasm does not
//! carry it.
//!
//!   cargo run --release --example bench_portfolio -- <clients> <out.json> <today> [seed]
//!
//! `today` (yyyy-mm-dd) dates the clients' history, so renewals and due
//! check-ups look as they would for a real list opened today.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use continuum_core::domain::{generate_portfolio, Date, SampleShape};
    use continuum_core::storage::file::export_json;
    use std::process::ExitCode;

    /// The seed tools/bench.mjs uses unless told otherwise.
    const SEED: u64 = 2026;

    let usage = |why: &str| {
        eprintln!("bench_portfolio: {why}\nusage: bench_portfolio <clients> <out.json> <yyyy-mm-dd> [seed]");
        ExitCode::from(2)
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(n), Some(out), Some(today)) = (args.first(), args.get(1), args.get(2)) else {
        return usage("missing arguments");
    };
    let Ok(n) = n.parse::<usize>() else {
        return usage(&format!("<clients> must be a whole number, got {n:?}"));
    };
    let Ok(today) = today.parse::<Date>() else {
        return usage(&format!(
            "<today> must be a date like 2026-03-01, got {today:?}"
        ));
    };
    let seed = match args.get(3).map(|s| s.parse::<u64>()) {
        None => SEED,
        Some(Ok(s)) => s,
        Some(Err(_)) => return usage("[seed] must be a whole number"),
    };
    let mut portfolio = generate_portfolio(seed, n, today, SampleShape::BENCH);
    portfolio.owner = "Bench Owner".to_string();
    let text = export_json(&portfolio, &format!("{today}T09:00:00Z"));
    if let Err(e) = std::fs::write(out, text) {
        eprintln!("bench_portfolio: cannot write {out}: {e}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

// Native only; wasm builds get an empty program.
#[cfg(target_arch = "wasm32")]
fn main() {}
