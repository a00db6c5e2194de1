//! Writes the corpus of malformed registers to `tests/fixtures/malformed/` (see
//! `tests/corpus/mod.rs`): `cargo run --example malformed_corpus`.

#[path = "../tests/corpus/mod.rs"]
mod corpus;

fn main() {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/malformed");
    if folder.exists() {
        std::fs::remove_dir_all(&folder).expect("remove the old corpus");
    }
    let made = corpus::write_corpus(&folder);
    println!("Wrote {} files to {}", made.len(), folder.display());
}
