package com.partpal.db.domain.connection;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SecretsTest {
    @Test
    void masksUrlCredentials() {
        assertEquals("cannot reach postgresql://app:****@db:5432/x (refused)",
                Secrets.mask("cannot reach postgresql://app:s3cret@db:5432/x (refused)"));
        assertEquals("postgres://u:****@h/d and jdbc:postgresql://v:****@h/d",
                Secrets.mask("postgres://u:a@b@h/d and jdbc:postgresql://v:x/y?z@h/d"));
    }

    @Test
    void masksCredentialsWithoutAScheme() {
        assertEquals("login app:****@db.example.com failed", Secrets.mask("login app:hunter2@db.example.com failed"));
    }

    @Test
    void masksPasswordParameters() {
        assertEquals("jdbc:postgresql://h/d?user=u&password=****&ssl=true",
                Secrets.mask("jdbc:postgresql://h/d?user=u&password=pw1&ssl=true"));
        assertEquals("PGPASSWORD=**** pg_dump", Secrets.mask("PGPASSWORD=topsecret pg_dump"));
        assertEquals("{\"password\": \"****\"}", Secrets.mask("{\"password\": \"xyz\"}"));
        assertEquals("Password: ****", Secrets.mask("Password: xyz"));
    }

    @Test
    void leavesOrdinaryTextAndMaskedUrlsAlone() {
        String text = "table \"users\" has 3 rows; see postgresql://u:****@h:5432/d and postgresql://h:5432/d";
        assertEquals(text, Secrets.mask(text));
        assertEquals("time 10:30 at the office", Secrets.mask("time 10:30 at the office"));
        assertNull(Secrets.mask(null));
    }

    @Test
    void masksAKnownPasswordAnywhere() {
        assertEquals("FATAL: role \"****\" said ****", Secrets.mask("FATAL: role \"pässwörd\" said pässwörd", "pässwörd"));
        assertEquals("unchanged", Secrets.mask("unchanged", null));
        assertEquals("unchanged", Secrets.mask("unchanged", ""));
    }
}
