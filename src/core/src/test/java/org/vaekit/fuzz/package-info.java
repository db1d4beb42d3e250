/** Property-based tests that feed random and mutated bytes to the readers of untrusted files. */
package org.vaekit.fuzz;
