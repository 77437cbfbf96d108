/**
 * How long the quota lasts: the pace of use per counted data-transfer plan and for the pool, the run-out date,
 * the capacity left unused at expiry, and the earlier readings (history) that give a recent pace.
 */
package io.jenkins.plugins.cdngate.core.forecast;
