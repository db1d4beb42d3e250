/** Typed, validated settings loaded from HOCON files (conf/*.conf) with command-line overrides. */
package org.vaekit.config;
