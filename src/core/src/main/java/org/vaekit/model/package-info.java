/** The VAE as a SameDiff graph (encoder, reparameterisation, decoder, ELBO) and the {@link org.vaekit.model.Vae} facade. */
package org.vaekit.model;
