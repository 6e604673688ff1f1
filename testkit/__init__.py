"""Development tooling shared by the tests and the benchmark; the app never imports it."""
