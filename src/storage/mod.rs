//! The edge between Continuum and the outside world: the versioned file
//! format, migrations, import and export, CSV, and local storage.
