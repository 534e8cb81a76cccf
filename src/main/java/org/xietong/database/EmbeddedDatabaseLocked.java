package org.xietong.database;

import java.nio.file.Path;

/**
 * Another live process holds the data folder's embedded database: two servers on one data
 * directory would corrupt it, so the second refuses to start.
 */
public class EmbeddedDatabaseLocked extends IllegalStateException {

	private final Path home;

	EmbeddedDatabaseLocked(Path home, String holder) {
		super("The data folder " + home + " is in use by another running Xietong" + holder
				+ "; its embedded PostgreSQL can serve only one instance.");
		this.home = home;
	}

	public Path home() {
		return this.home;
	}

}
