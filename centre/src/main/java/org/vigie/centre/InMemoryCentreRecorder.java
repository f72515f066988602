package org.vigie.centre;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link CentreRecorder} that keeps every record in memory (tests, examples). Thread-safe. */
public final class InMemoryCentreRecorder implements CentreRecorder {

    private final CopyOnWriteArrayList<CentreRecord> records = new CopyOnWriteArrayList<>();

    @Override
    public void record(CentreRecord record) {
        records.add(record);
    }

    /** @return the records so far, in order (a snapshot) */
    public List<CentreRecord> records() {
        return List.copyOf(records);
    }
}
