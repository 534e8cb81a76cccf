package org.xietong;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(XietongApplication.class);

	@Test
	void modulesDependOnEachOtherOnlyThroughTheirApis() {
		this.modules.verify();
	}

	@Test
	void writesTheModuleDiagramAndCanvases() {
		new Documenter(this.modules).writeDocumentation();
	}

}
