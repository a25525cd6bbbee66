//! Release builds for the browser are split into lazily loaded pieces (see
//! docs/performance.md, "First load"): each page's code is fetched when the
//! page is first opened, so the first visit downloads only the app's shell.
//!
//! The splitting tool (`wasm-split-cli`, run by tools/split.mjs after Trunk's
//! build) needs the linker's relocations, and the split points exist only in
//! the builds it processes. Debug builds, `trunk serve` and the browser tests
//! stay one plain module.
fn main() {
    println!("cargo::rustc-check-cfg=cfg(continuum_split)");
    println!("cargo::rerun-if-env-changed=CONTINUUM_NO_SPLIT");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    let release = std::env::var("PROFILE").is_ok_and(|profile| profile == "release");
    if wasm && release && std::env::var_os("CONTINUUM_NO_SPLIT").is_none() {
        println!("cargo::rustc-cfg=continuum_split");
        println!("cargo::rustc-link-arg-bins=--emit-relocs");
    }
}
