package org.servicedesk;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The fuzz on PostgreSQL, which refuses what H2 stores (a NUL in a text, broken UTF-16): no such
 * input may get as far as the database. The demo users log in as on H2.
 */
@SpringBootTest(properties = "servicedesk.demo.users=true")
@ActiveProfiles({ "postgres", "it" })
class InputFuzzIT extends InputFuzzTest {
}
