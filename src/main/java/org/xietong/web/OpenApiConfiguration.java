package org.xietong.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's title and its bearer-token sign-in, for Swagger UI and generated
 * clients.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI xietongOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Xietong API")
				.version("v1")
				.description("产学合作协同育人项目管理平台 — the public HTTP API. Sign in with POST /api/v1/auth/token "
						+ "and send the token as 'Authorization: Bearer <token>'. Errors are RFC 9457 problem details "
						+ "with a stable 'code'."))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").description("opaque token")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}

}
