/** The figures of a trained run as PNG files: JFreeChart charts and image grids composed with java.awt. */
package org.vaekit.plot;
