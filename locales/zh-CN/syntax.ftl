# syntax
