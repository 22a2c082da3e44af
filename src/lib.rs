pub mod syntax { pub mod grammar; }
