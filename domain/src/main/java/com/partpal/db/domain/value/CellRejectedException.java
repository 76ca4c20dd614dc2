package com.partpal.db.domain.value;

/** A cell that breaks its column's conversion rule; the whole row is rejected with this reason. */
public final class CellRejectedException extends Exception {
    public CellRejectedException(String reason) {
        super(reason, null, false, false);
    }

    public String reason() {
        return getMessage();
    }
}
