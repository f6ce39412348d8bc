package dev.mdb.example.springtrips;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Entry point (see the README); database.yml from {@code mdb.database-yml} (default {@code config/database.yml}). */
@SpringBootApplication
public class SpringTripsApplication {
    public static void main(String[] args) {
        SpringApplication.run(SpringTripsApplication.class, args);
    }
}
