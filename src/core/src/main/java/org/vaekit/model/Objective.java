package org.vaekit.model;

/** What training maximises. */
public enum Objective {
    /** The evidence lower bound with one z per example and the KL term in closed form (Kingma & Welling). */
    ELBO,
    /**
     * The importance-weighted bound log (1/k) sum_i p(x, z_i) / q(z_i|x) with k draws z_i ~ q(z|x) (Burda et al.):
     * at least as tight as the ELBO, tighter as k grows.
     */
    IWAE
}
