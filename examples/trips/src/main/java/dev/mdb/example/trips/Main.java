package dev.mdb.example.trips;

/** The example's command line: {@code java … dev.mdb.example.trips.Main [options]} (see {@link TripsOptions}). */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int code = TripsApp.run(args);
        if (code != 0) {
            System.exit(code);
        }
    }
}
