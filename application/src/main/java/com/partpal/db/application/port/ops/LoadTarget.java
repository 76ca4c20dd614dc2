package com.partpal.db.application.port.ops;

/**
 * A database to load-test: it creates its own tables (in a schema of their own), runs one operation at a time per
 * calling thread, each in its own transaction, and drops what it created.
 */
public interface LoadTarget extends AutoCloseable {
    /** PartPal's everyday mix: most requests read a part or search, some add parts or change stock. */
    enum Operation { READ_PART, SEARCH_PARTS, CATEGORY_COUNTS, ADD_PART, UPDATE_STOCK }

    /** What the load test creates, e.g. schema "partpal_loadtest", named before it is created. */
    String createdObjects();

    void prepare(int rows);

    /** Runs one operation; {@code key} picks the row (a uniformly random number). */
    void run(Operation operation, long key);

    /** Drops what {@link #prepare} created. */
    void cleanUp();

    @Override
    void close();
}
