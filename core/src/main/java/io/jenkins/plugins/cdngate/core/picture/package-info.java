/**
 * Pictures of the quota, drawn by core and only shown by the front ends: {@link
 * io.jenkins.plugins.cdngate.core.picture.QuotaPicture} (one bar per plan, the pool with the gate's levels) and
 * {@link io.jenkins.plugins.cdngate.core.picture.TrendPicture} (the data transfer left across builds). Both are
 * self-contained SVG with presentation attributes only (no style element or attribute, no script, no external
 * reference), so Jenkins' Content-Security-Policy never blocks them; both are drawn from plain values
 * ({@link io.jenkins.plugins.cdngate.core.picture.QuotaSnapshot}, {@link io.jenkins.plugins.cdngate.core.picture.TrendPoint})
 * that a front end can store, and give the same text for the same values.
 */
package io.jenkins.plugins.cdngate.core.picture;
