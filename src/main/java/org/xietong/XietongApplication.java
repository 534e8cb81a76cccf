package org.xietong;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * The platform: one application, one database, one top-level package per business
 * capability.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(systemName = "Xietong", sharedModules = "shared")
public class XietongApplication {

	public static void main(String[] args) {
		SpringApplication.run(XietongApplication.class, args);
	}

}
