/** The audit trail: records/s with fsync per record, with group commit, beside a plain buffered append; heap per dispatch. */
package org.vigie.bench.audit;
