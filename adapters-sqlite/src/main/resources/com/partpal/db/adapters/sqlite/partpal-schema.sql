CREATE TABLE "users" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'BUYER',
    "isVerified" BOOLEAN NOT NULL DEFAULT false,
    "emailVerified" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
CREATE TABLE "refresh_tokens" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "token" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "refresh_tokens_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE TABLE "sellers" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "businessName" TEXT NOT NULL,
    "businessType" TEXT NOT NULL,
    "description" TEXT,
    "isVerified" BOOLEAN NOT NULL DEFAULT false,
    "rating" REAL,
    "totalSales" INTEGER NOT NULL DEFAULT 0,
    "subscriptionPlan" TEXT NOT NULL DEFAULT 'STARTER',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "street" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "province" TEXT NOT NULL,
    "postalCode" TEXT NOT NULL,
    "country" TEXT NOT NULL DEFAULT 'South Africa',
    "latitude" REAL,
    "longitude" REAL,
    "phone" TEXT NOT NULL,
    "whatsapp" TEXT,
    "website" TEXT,
    "businessHours" TEXT, "email" TEXT,
    CONSTRAINT "sellers_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE TABLE "vehicles" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vin" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "make" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "variant" TEXT,
    "engineSize" TEXT,
    "fuelType" TEXT,
    "transmission" TEXT,
    "color" TEXT,
    "mileage" INTEGER,
    "condition" TEXT NOT NULL,
    "acquisitionDate" DATETIME NOT NULL,
    "sellerId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "vehicles_sellerId_fkey" FOREIGN KEY ("sellerId") REFERENCES "sellers" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE TABLE "parts" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vehicleId" TEXT NOT NULL,
    "sellerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "partNumber" TEXT,
    "description" TEXT NOT NULL,
    "condition" TEXT NOT NULL,
    "price" REAL NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'ZAR',
    "status" TEXT NOT NULL DEFAULT 'AVAILABLE',
    "location" TEXT NOT NULL,
    "images" TEXT NOT NULL,
    "isListedOnMarketplace" BOOLEAN NOT NULL DEFAULT false,
    "categoryId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "parts_vehicleId_fkey" FOREIGN KEY ("vehicleId") REFERENCES "vehicles" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "parts_sellerId_fkey" FOREIGN KEY ("sellerId") REFERENCES "sellers" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "parts_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "categories" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE TABLE "categories" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "parentId" TEXT,
    "description" TEXT,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    CONSTRAINT "categories_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "categories" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");
CREATE INDEX "users_email_idx" ON "users"("email");
CREATE INDEX "users_role_idx" ON "users"("role");
CREATE INDEX "users_isVerified_idx" ON "users"("isVerified");
CREATE INDEX "users_createdAt_idx" ON "users"("createdAt");
CREATE UNIQUE INDEX "refresh_tokens_token_key" ON "refresh_tokens"("token");
CREATE UNIQUE INDEX "sellers_userId_key" ON "sellers"("userId");
CREATE INDEX "sellers_businessType_idx" ON "sellers"("businessType");
CREATE INDEX "sellers_isVerified_idx" ON "sellers"("isVerified");
CREATE INDEX "sellers_city_province_idx" ON "sellers"("city", "province");
CREATE INDEX "sellers_rating_idx" ON "sellers"("rating");
CREATE INDEX "sellers_subscriptionPlan_idx" ON "sellers"("subscriptionPlan");
CREATE INDEX "sellers_createdAt_idx" ON "sellers"("createdAt");
CREATE INDEX "sellers_latitude_longitude_idx" ON "sellers"("latitude", "longitude");
CREATE UNIQUE INDEX "vehicles_vin_key" ON "vehicles"("vin");
CREATE INDEX "vehicles_make_model_year_idx" ON "vehicles"("make", "model", "year");
CREATE INDEX "vehicles_sellerId_idx" ON "vehicles"("sellerId");
CREATE INDEX "vehicles_year_idx" ON "vehicles"("year");
CREATE INDEX "vehicles_condition_idx" ON "vehicles"("condition");
CREATE INDEX "vehicles_acquisitionDate_idx" ON "vehicles"("acquisitionDate");
CREATE INDEX "vehicles_fuelType_idx" ON "vehicles"("fuelType");
CREATE INDEX "vehicles_transmission_idx" ON "vehicles"("transmission");
CREATE INDEX "parts_name_idx" ON "parts"("name");
CREATE INDEX "parts_partNumber_idx" ON "parts"("partNumber");
CREATE INDEX "parts_sellerId_idx" ON "parts"("sellerId");
CREATE INDEX "parts_vehicleId_idx" ON "parts"("vehicleId");
CREATE INDEX "parts_categoryId_idx" ON "parts"("categoryId");
CREATE INDEX "parts_isListedOnMarketplace_idx" ON "parts"("isListedOnMarketplace");
CREATE INDEX "parts_status_idx" ON "parts"("status");
CREATE INDEX "parts_condition_idx" ON "parts"("condition");
CREATE INDEX "parts_price_idx" ON "parts"("price");
CREATE INDEX "parts_createdAt_idx" ON "parts"("createdAt");
CREATE INDEX "parts_isListedOnMarketplace_status_idx" ON "parts"("isListedOnMarketplace", "status");
CREATE INDEX "parts_sellerId_isListedOnMarketplace_idx" ON "parts"("sellerId", "isListedOnMarketplace");
CREATE UNIQUE INDEX "categories_name_key" ON "categories"("name");
CREATE INDEX "categories_parentId_idx" ON "categories"("parentId");
CREATE INDEX "categories_isActive_idx" ON "categories"("isActive");
CREATE INDEX "categories_name_idx" ON "categories"("name");
CREATE TABLE "analytics_events" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventType" TEXT NOT NULL,
    "partId" TEXT,
    "sellerId" TEXT,
    "userId" TEXT,
    "sessionId" TEXT,
    "userAgent" TEXT,
    "metadata" TEXT,
    "timestamp" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE "activity_logs" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sellerId" TEXT,
    "userId" TEXT,
    "type" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "metadata" TEXT,
    "timestamp" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "analytics_events_eventType_idx" ON "analytics_events"("eventType");
CREATE INDEX "analytics_events_partId_idx" ON "analytics_events"("partId");
CREATE INDEX "analytics_events_sellerId_idx" ON "analytics_events"("sellerId");
CREATE INDEX "analytics_events_timestamp_idx" ON "analytics_events"("timestamp");
CREATE INDEX "analytics_events_sessionId_idx" ON "analytics_events"("sessionId");
CREATE INDEX "analytics_events_eventType_timestamp_idx" ON "analytics_events"("eventType", "timestamp");
CREATE INDEX "activity_logs_sellerId_idx" ON "activity_logs"("sellerId");
CREATE INDEX "activity_logs_userId_idx" ON "activity_logs"("userId");
CREATE INDEX "activity_logs_type_idx" ON "activity_logs"("type");
CREATE INDEX "activity_logs_timestamp_idx" ON "activity_logs"("timestamp");
CREATE INDEX "activity_logs_sellerId_timestamp_idx" ON "activity_logs"("sellerId", "timestamp");
