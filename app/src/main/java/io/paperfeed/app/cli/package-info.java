/**
 * Command-line plumbing shared by the subcommands: option groups, defaults from the environment
 * and a properties file, user-facing errors and an orderly shutdown on Ctrl-C.
 */
package io.paperfeed.app.cli;
