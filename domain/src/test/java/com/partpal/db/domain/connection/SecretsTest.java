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

    @Test
    void masksPasswordsWithSpacesPercentAtAndColonWhole() {
        assertEquals("job options {to=postgresql://app:****@db:5432/x, jobs=2}",
                Secrets.mask("job options {to=postgresql://app:my secret pass@db:5432/x, jobs=2}"));
        assertEquals("postgresql://app:****@db/x", Secrets.mask("postgresql://app:p%4 0:w@rd@db/x"));
        assertEquals("to postgresql://app:****@db:5432/x, jobs 2",
                Secrets.mask("to postgresql://app:pa ss@:w%25rd! x@db:5432/x, jobs 2"));
        assertEquals("postgresql://app:****@x", Secrets.mask("postgresql://app:a b@h refused, ask admin@x"));
        assertEquals("postgresql://app:****@db/x", Secrets.mask("postgresql://app:p%40ss%20word@db/x"));
        assertEquals("a postgresql://app:****@h/x b postgresql://u:****@k/y c",
                Secrets.mask("a postgresql://app: lead and trail @h/x b postgresql://u:a b:c@d@k/y c"));
    }

    @Test
    void aLineBreakEndsAUrlAndAUrlWithoutUserInfoStaysWhole() {
        assertEquals("postgresql://h:5432/db refused\ncontact admin@example.com",
                Secrets.mask("postgresql://h:5432/db refused\ncontact admin@example.com"));
        assertEquals("see https://example.com/a and mail x@y.z", Secrets.mask("see https://example.com/a and mail x@y.z"));
    }
}
