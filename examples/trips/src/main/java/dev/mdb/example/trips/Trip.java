package dev.mdb.example.trips;

/** One row of {@code trips}. */
record Trip(String id, String name, String createdAt) {
    String toJson() {
        return "{\"id\": " + Json.quote(id) + ", \"name\": " + Json.quote(name) + ", \"created_at\": "
                + Json.quote(createdAt) + "}";
    }
}
