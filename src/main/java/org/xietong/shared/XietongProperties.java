package org.xietong.shared;

import java.nio.file.Path;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The installation's settings: where its state lives and the time zone its pages speak
 * in.
 *
 * @param home the data folder; the embedded database and every stored file live under it
 * @param timeZone the zone used where no batch names its own
 */
@ConfigurationProperties("xietong")
public record XietongProperties(@DefaultValue("./data") Path home, @DefaultValue("Asia/Shanghai") ZoneId timeZone) {

	public Path home() {
		return this.home.toAbsolutePath().normalize();
	}

}
