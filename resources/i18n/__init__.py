"""Qt translations: .ts sources and the .qm files built from them."""
