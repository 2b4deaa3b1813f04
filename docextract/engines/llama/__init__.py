"""The llama.cpp engine: a local GGUF vision model, its GBNF grammar and the GGUF header reader."""
