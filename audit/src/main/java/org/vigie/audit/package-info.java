/**
 * The audit trail: an append-only, hash-chained, durable record of facts in one JSON Lines file
 * ({@link org.vigie.audit.AuditFormat}), written by {@link org.vigie.audit.AuditTrail} on a thread of its own with
 * group commit (a record is acknowledged after fsync), recovered on open (a torn last record is cut and the cut
 * recorded), attested by signed checkpoints ({@link org.vigie.audit.HmacSha256Key}, {@link org.vigie.audit.Ed25519Keys}),
 * and read and verified streaming ({@link org.vigie.audit.AuditReader}, {@link org.vigie.audit.AuditVerifier}).
 * Depends on nothing of Vigie: the drone's companion and the dispatch centre keep their chains with it.
 */
package org.vigie.audit;
