package org.xietong.accounts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in rules.
 *
 * @param maxFailedLogins failed sign-ins in a row that lock an account
 * @param lockout how long a locked account stays locked
 * @param tokenLifetime how long an API token lives
 */
@ConfigurationProperties("xietong.security")
public record SecuritySettings(@DefaultValue("5") int maxFailedLogins, @DefaultValue("15m") Duration lockout,
		@DefaultValue("12h") Duration tokenLifetime) {
}
