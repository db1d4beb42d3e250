/** The DL4J training UI for SameDiff training: a listener writing DL4J's stats reports, the server bound to one interface, and run folders reopened. */
package org.vaekit.ui;
