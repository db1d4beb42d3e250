/** The {@code vaekit} command line (picocli): parses arguments and delegates to the library. */
package org.vaekit.cli;
