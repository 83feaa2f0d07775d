//! The staff bundle of Voor de Show (`/voor-de-show/beheer/`).

fn main() {
    voor_de_show_beheer::run();
}
