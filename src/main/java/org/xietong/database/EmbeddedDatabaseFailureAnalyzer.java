package org.xietong.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says in plain words why a second instance on one data folder does not start. */
class EmbeddedDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedDatabaseLocked> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDatabaseLocked cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Stop the other instance, or give this one its own data folder (XIETONG_HOME), "
						+ "or point every instance at one external PostgreSQL (SPRING_DATASOURCE_URL).",
				cause);
	}

}
