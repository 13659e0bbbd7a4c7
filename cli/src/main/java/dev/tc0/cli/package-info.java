/**
 * The {@code tc0} command: picocli subcommands over the evaluator ({@code eval}, {@code info},
 * {@code convert}) and the compiler ({@code compile}, {@code verify}, {@code scale}, {@code demo}),
 * plus {@code bench}. Errors are one line with exit code 1 (2 for usage); output files appear only
 * when complete. See {@code src/docs/cli.md}.
 */
package dev.tc0.cli;
