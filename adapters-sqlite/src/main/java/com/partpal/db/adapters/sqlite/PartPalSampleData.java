package com.partpal.db.adapters.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Generates PartPal rows the way the Prisma app stores them in SQLite: DATETIME as epoch-millisecond integers (every
 * 40th created-at as CURRENT_TIMESTAMP's 'YYYY-MM-DD HH:MM:SS' text), BOOLEAN as 0/1, JSON as text. Row ids are
 * cuid-like strings computed from (table, index), so references need no lookup table and memory stays flat.
 */
final class PartPalSampleData {
    static final long SEED = 20240601L;
    /** 2023-01-01T00:00:00Z; every time is within two years after it. */
    private static final long BASE_MILLIS = 1_672_531_200_000L;
    private static final long TWO_YEARS_MILLIS = 2L * 365 * 24 * 3600 * 1000;
    private static final DateTimeFormatter CURRENT_TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private static final String[][] CITIES = {
            {"Johannesburg", "Gauteng", "2001", "-26.2041", "28.0473"}, {"Pretoria", "Gauteng", "0002", "-25.7479", "28.2293"},
            {"Cape Town", "Western Cape", "8001", "-33.9249", "18.4241"}, {"Durban", "KwaZulu-Natal", "4001", "-29.8587", "31.0218"},
            {"Gqeberha", "Eastern Cape", "6001", "-33.9608", "25.6022"}, {"Bloemfontein", "Free State", "9301", "-29.0852", "26.1596"},
            {"Polokwane", "Limpopo", "0700", "-23.9045", "29.4689"}, {"Mbombela", "Mpumalanga", "1201", "-25.4658", "30.9853"},
            {"Kimberley", "Northern Cape", "8301", "-28.7282", "24.7499"}, {"Rustenburg", "North West", "0299", "-25.6676", "27.2421"},
            {"East London", "Eastern Cape", "5201", "-33.0153", "27.9116"}, {"Pietermaritzburg", "KwaZulu-Natal", "3201", "-29.6006", "30.3794"},
    };
    private static final String[] FIRST_NAMES = {"Thabo", "Lerato", "Sipho", "Naledi", "Johan", "Annelie", "Pieter", "Zanele",
            "Bongani", "Ayesha", "Ruan", "Nomsa", "Kagiso", "Fatima", "Willem", "Precious", "Themba", "Chantelle"};
    private static final String[] SURNAMES = {"Nkosi", "van der Merwe", "Dlamini", "Botha", "Naidoo", "Mokoena", "Pillay",
            "Khumalo", "du Plessis", "Mahlangu", "Pretorius", "Ndlovu", "Govender", "Venter", "Molefe", "Jacobs"};
    private static final String[][] VEHICLES = {{"Toyota", "Corolla"}, {"Toyota", "Hilux"}, {"Volkswagen", "Polo"},
            {"Volkswagen", "Golf"}, {"Ford", "Ranger"}, {"Nissan", "NP200"}, {"Isuzu", "D-Max"}, {"BMW", "3 Series"},
            {"Mercedes-Benz", "C-Class"}, {"Hyundai", "i20"}, {"Kia", "Picanto"}, {"Renault", "Clio"}, {"Suzuki", "Swift"}};
    private static final String[] PART_NAMES = {"Alternator", "Starter motor", "Headlight assembly", "Tail light", "Radiator",
            "Gearbox", "Front bumper", "Door mirror", "Brake caliper", "Shock absorber", "Fuel pump", "ECU", "Bonnet",
            "Steering rack", "Water pump", "Turbocharger", "Side door", "Airbag module", "Clutch kit", "Cylinder head"};
    private static final String[] TOP_CATEGORIES = {"Engine", "Transmission", "Body", "Electrical", "Suspension", "Brakes",
            "Interior", "Cooling"};
    private static final String[] SUB_CATEGORIES = {"Parts", "Assemblies", "Sensors", "Accessories", "Hardware"};
    private static final String[] USER_AGENTS = {
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
            "Mozilla/5.0 (Linux; Android 14; SM-A546B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36"};
    private static final String[] COLORS = {"White", "Silver", "Black", "Red", "Blue", "Grey"};

    /** Table codes that keep ids of different tables apart. */
    private static final int USER = 1, TOKEN = 2, SELLER = 3, VEHICLE = 4, PART = 5, CATEGORY = 6, EVENT = 7, LOG = 8;

    private final Connection connection;
    private final Random random = new Random(SEED);
    private final Sizes sizes;
    private final Map<String, Long> written = new LinkedHashMap<>();

    /** Rows per table for a given size of the large tables. */
    record Sizes(int parts, int events, int users, int sellers, int vehicles, int logs) {
        static Sizes forLargeTables(int rows) {
            int users = Math.max(20, rows / 50);
            return new Sizes(rows, rows, users, Math.max(5, Math.min(users, rows / 100)), Math.max(10, rows / 20),
                    Math.max(10, rows / 10));
        }
    }

    PartPalSampleData(Connection connection, int rowsPerLargeTable) {
        this.connection = connection;
        this.sizes = Sizes.forLargeTables(rowsPerLargeTable);
    }

    Map<String, Long> written() {
        return written;
    }

    void writeClean() throws SQLException {
        users();
        refreshTokens();
        sellers();
        vehicles(0, sizes.vehicles());
        parts(0, sizes.parts());
        categories();
        events(0, sizes.events());
        logs(0, sizes.logs());
    }

    /** See {@link SqliteSampleDatabase} for what each planted value makes the migration reject. */
    void plantDirtyRows() throws SQLException {
        int orphanVehicle = sizes.vehicles();
        vehicles(orphanVehicle, 1);
        update("UPDATE vehicles SET sellerId = 'cl_no_such_seller' WHERE id = ?", id(VEHICLE, orphanVehicle));
        int part = sizes.parts();
        parts(part, 3);
        update("UPDATE parts SET images = '[\"https://cdn.partpal.co.za/parts/broken.jpg\",' WHERE id = ?", id(PART, part));
        update("UPDATE parts SET isListedOnMarketplace = 2 WHERE id = ?", id(PART, part + 1));
        update("UPDATE parts SET vehicleId = '" + id(VEHICLE, orphanVehicle) + "' WHERE id = ?", id(PART, part + 2));
        int event = sizes.events();
        events(event, 2);
        update("UPDATE analytics_events SET \"timestamp\" = 'not a date' WHERE id = ?", id(EVENT, event));
        update("UPDATE analytics_events SET userAgent = CAST(X'4d6f7a696c6c612f352e30fffe' AS TEXT) WHERE id = ?",
                id(EVENT, event + 1));
        int log = sizes.logs();
        logs(log, 1);
        update("UPDATE activity_logs SET description = 'Listed a part' || char(0) || ' with a NUL' WHERE id = ?", id(LOG, log));
    }

    private void update(String sql, String id) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            st.setString(1, id);
            if (st.executeUpdate() != 1) {
                throw new IllegalStateException("planting a dirty value changed no row: " + sql);
            }
        }
    }

    private void users() throws SQLException {
        try (BatchInsert insert = insert("users", "id", "email", "name", "password", "role", "isVerified", "emailVerified",
                "createdAt", "updatedAt")) {
            for (int i = 0; i < sizes.users(); i++) {
                String first = pick(FIRST_NAMES);
                String last = pick(SURNAMES);
                long created = time();
                boolean verified = random.nextInt(10) < 7;
                String role = i == 0 ? "ADMIN" : i < sizes.sellers() + 1 ? "SELLER" : "BUYER";
                insert.add(id(USER, i), (first + "." + last).toLowerCase(Locale.ROOT).replace(' ', '-') + i + "@example.co.za",
                        first + " " + last, "$2b$10$" + token(53), role, verified ? 1 : 0,
                        verified ? created + random.nextInt(86_400_000) : null, createdAt(created), later(created));
            }
            written.put("users", insert.rows());
        }
    }

    private void refreshTokens() throws SQLException {
        try (BatchInsert insert = insert("refresh_tokens", "id", "token", "userId", "expiresAt", "createdAt")) {
            for (int i = 0; i < sizes.users(); i++) {
                long created = time();
                insert.add(id(TOKEN, i), token(64), id(USER, random.nextInt(sizes.users())), created + 7L * 86_400_000,
                        createdAt(created));
            }
            written.put("refresh_tokens", insert.rows());
        }
    }

    private void sellers() throws SQLException {
        try (BatchInsert insert = insert("sellers", "id", "userId", "businessName", "businessType", "description",
                "isVerified", "rating", "totalSales", "subscriptionPlan", "createdAt", "updatedAt", "street", "city",
                "province", "postalCode", "country", "latitude", "longitude", "phone", "whatsapp", "website",
                "businessHours", "email")) {
            for (int i = 0; i < sizes.sellers(); i++) {
                String[] city = CITIES[i % CITIES.length];
                String name = pick(SURNAMES) + (random.nextBoolean() ? " Auto Spares" : " Scrapyard");
                long created = time();
                String phone = phone();
                insert.add(id(SELLER, i), id(USER, i + 1), name, pick(new String[] {"SCRAPYARD", "DISMANTLER", "DEALER"}),
                        random.nextInt(4) == 0 ? null : "Quality used parts for all makes in " + city[0] + ".",
                        random.nextInt(2), random.nextInt(5) == 0 ? null : (10 + random.nextInt(41)) / 10.0,
                        random.nextInt(5000), pick(new String[] {"STARTER", "PROFESSIONAL", "ENTERPRISE"}),
                        createdAt(created), later(created), (1 + random.nextInt(300)) + " Main Road", city[0], city[1],
                        city[2], "South Africa", Double.parseDouble(city[3]) + random.nextInt(1000) / 10000.0,
                        Double.parseDouble(city[4]) + random.nextInt(1000) / 10000.0, phone,
                        random.nextBoolean() ? phone : null, random.nextInt(3) == 0 ? null : "https://seller" + i + ".co.za",
                        random.nextInt(5) == 0 ? null : businessHours(), "sales@seller" + i + ".co.za");
            }
            written.put("sellers", insert.rows());
        }
    }

    private void vehicles(int from, int count) throws SQLException {
        try (BatchInsert insert = insert("vehicles", "id", "vin", "year", "make", "model", "variant", "engineSize",
                "fuelType", "transmission", "color", "mileage", "condition", "acquisitionDate", "sellerId", "createdAt",
                "updatedAt")) {
            for (int i = from; i < from + count; i++) {
                String[] vehicle = pick(VEHICLES);
                long created = time();
                insert.add(id(VEHICLE, i), String.format(Locale.ROOT, "AHT%014d", i), 1995 + random.nextInt(29), vehicle[0], vehicle[1],
                        random.nextBoolean() ? null : "1.6 Comfortline", (10 + random.nextInt(21)) / 10.0 + "",
                        random.nextBoolean() ? "PETROL" : "DIESEL", random.nextInt(3) == 0 ? "AUTOMATIC" : "MANUAL",
                        pick(COLORS), random.nextInt(6) == 0 ? null : random.nextInt(400_000),
                        pick(new String[] {"ACCIDENT_DAMAGED", "RUNNING", "NON_RUNNING", "PARTS_ONLY"}),
                        created - random.nextInt(30) * 86_400_000L, id(SELLER, sellerOfVehicle(i)), createdAt(created), later(created));
            }
            add("vehicles", insert.rows());
        }
    }

    private int sellerOfVehicle(int vehicle) {
        return vehicle % sizes.sellers();
    }

    private void parts(int from, int count) throws SQLException {
        try (BatchInsert insert = insert("parts", "id", "vehicleId", "sellerId", "name", "partNumber", "description",
                "condition", "price", "currency", "status", "location", "images", "isListedOnMarketplace", "categoryId",
                "createdAt", "updatedAt")) {
            for (int i = from; i < from + count; i++) {
                int vehicle = random.nextInt(sizes.vehicles());
                String id = id(PART, i);
                String name = pick(PART_NAMES);
                long created = time();
                insert.add(id, id(VEHICLE, vehicle), id(SELLER, sellerOfVehicle(vehicle)), name,
                        random.nextInt(3) == 0 ? null : "PN-" + (100_000 + random.nextInt(900_000)),
                        name + " in good working order, removed from a " + pick(VEHICLES)[0] + ".",
                        pick(new String[] {"NEW", "USED_EXCELLENT", "USED_GOOD", "USED_FAIR"}),
                        (15_000 + random.nextInt(2_500_000)) / 100.0, "ZAR",
                        pick(new String[] {"AVAILABLE", "AVAILABLE", "AVAILABLE", "RESERVED", "SOLD"}),
                        CITIES[random.nextInt(CITIES.length)][0], images(id), random.nextInt(2),
                        random.nextInt(8) == 0 ? null : id(CATEGORY, TOP_CATEGORIES.length + random.nextInt(childCategories())),
                        createdAt(created), later(created));
            }
            add("parts", insert.rows());
        }
    }

    private static int childCategories() {
        return TOP_CATEGORIES.length * SUB_CATEGORIES.length;
    }

    private void categories() throws SQLException {
        try (BatchInsert insert = insert("categories", "id", "name", "parentId", "description", "isActive")) {
            for (int i = 0; i < TOP_CATEGORIES.length; i++) {
                insert.add(id(CATEGORY, i), TOP_CATEGORIES[i], null, TOP_CATEGORIES[i] + " parts", 1);
            }
            for (int i = 0; i < childCategories(); i++) {
                String parent = TOP_CATEGORIES[i / SUB_CATEGORIES.length];
                insert.add(id(CATEGORY, TOP_CATEGORIES.length + i), parent + " " + SUB_CATEGORIES[i % SUB_CATEGORIES.length],
                        id(CATEGORY, i / SUB_CATEGORIES.length), null, random.nextInt(10) == 0 ? 0 : 1);
            }
            written.put("categories", insert.rows());
        }
    }

    private void events(int from, int count) throws SQLException {
        try (BatchInsert insert = insert("analytics_events", "id", "eventType", "partId", "sellerId", "userId",
                "sessionId", "userAgent", "metadata", "timestamp", "createdAt")) {
            for (int i = from; i < from + count; i++) {
                String type = pick(new String[] {"PART_VIEW", "PART_VIEW", "SEARCH", "CONTACT_SELLER", "PART_INQUIRY"});
                boolean search = type.equals("SEARCH");
                long at = time();
                insert.add(id(EVENT, i), type, search ? null : id(PART, random.nextInt(sizes.parts())),
                        search ? null : id(SELLER, random.nextInt(sizes.sellers())),
                        random.nextInt(3) == 0 ? null : id(USER, random.nextInt(sizes.users())),
                        "sess_" + token(16), pick(USER_AGENTS),
                        search ? "{\"query\":\"" + pick(PART_NAMES).toLowerCase(Locale.ROOT) + " " + pick(VEHICLES)[1] + "\",\"results\":"
                                + random.nextInt(200) + "}"
                                : "{\"source\":\"" + (random.nextBoolean() ? "web" : "app") + "\",\"durationMs\":" + random.nextInt(60_000) + "}",
                        at, createdAt(at));
            }
            add("analytics_events", insert.rows());
        }
    }

    private void logs(int from, int count) throws SQLException {
        try (BatchInsert insert = insert("activity_logs", "id", "sellerId", "userId", "type", "description", "metadata",
                "timestamp")) {
            for (int i = from; i < from + count; i++) {
                int seller = random.nextInt(sizes.sellers());
                String type = pick(new String[] {"PART_LISTED", "PART_SOLD", "VEHICLE_ADDED", "PROFILE_UPDATED"});
                insert.add(id(LOG, i), id(SELLER, seller), id(USER, seller + 1), type,
                        type.replace('_', ' ').toLowerCase(Locale.ROOT), random.nextInt(4) == 0 ? null
                                : "{\"partId\":\"" + id(PART, random.nextInt(sizes.parts())) + "\",\"priceZar\":"
                                + (150 + random.nextInt(25_000)) + ".5,\"tags\":[\"" + pick(PART_NAMES) + "\",null,true]}",
                        createdAt(time()));
            }
            add("activity_logs", insert.rows());
        }
    }

    private void add(String table, long rows) {
        written.merge(table, rows, Long::sum);
    }

    private BatchInsert insert(String table, String... columns) throws SQLException {
        return new BatchInsert(connection, table, List.of(columns));
    }

    /**
     * A cuid-like 25-character id, unique per (table, index). Like a cuid it starts with an increasing part, so rows
     * are appended to the primary key index instead of landing at random pages (which makes generation I/O-bound).
     */
    static String id(int table, int index) {
        long mixed = (table * 0x9E3779B97F4A7C15L) ^ (index * 0xBF58476D1CE4E5B9L);
        mixed ^= mixed >>> 31;
        mixed *= 0x94D049BB133111EBL;
        mixed ^= mixed >>> 29;
        String random = Long.toString(mixed & Long.MAX_VALUE, 36);
        String position = Long.toString(table * 100_000_000L + index, 36);
        return "cl" + "0".repeat(10 - position.length()) + position + "0".repeat(13 - random.length()) + random;
    }

    private long time() {
        return BASE_MILLIS + (long) (random.nextDouble() * TWO_YEARS_MILLIS);
    }

    private long later(long millis) {
        return millis + random.nextInt(30 * 86_400) * 1000L + random.nextInt(1000);
    }

    /** Mostly epoch milliseconds, as Prisma writes; every 40th row as SQLite's CURRENT_TIMESTAMP text. */
    private Object createdAt(long millis) {
        return random.nextInt(40) == 0 ? CURRENT_TIMESTAMP.format(Instant.ofEpochMilli(millis)) : (Object) millis;
    }

    private String token(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = "0123456789abcdefghijklmnopqrstuvwxyz".charAt(random.nextInt(36));
        }
        return new String(chars);
    }

    private String phone() {
        return String.format(Locale.ROOT, "+27 %d%d %03d %04d", 6 + random.nextInt(3), random.nextInt(10), random.nextInt(1000),
                random.nextInt(10_000));
    }

    private String businessHours() {
        String weekday = random.nextBoolean() ? "08:00-17:00" : "07:30-16:30";
        return "{\"monday\":\"" + weekday + "\",\"tuesday\":\"" + weekday + "\",\"wednesday\":\"" + weekday
                + "\",\"thursday\":\"" + weekday + "\",\"friday\":\"" + weekday + "\",\"saturday\":\"08:00-13:00\",\"sunday\":null}";
    }

    private String images(String partId) {
        int n = random.nextInt(4);
        StringBuilder json = new StringBuilder("[");
        for (int i = 1; i <= n; i++) {
            json.append(i > 1 ? "," : "").append("\"https://cdn.partpal.co.za/parts/").append(partId).append('/').append(i).append(".jpg\"");
        }
        return json.append(']').toString();
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
