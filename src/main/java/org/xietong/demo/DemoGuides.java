package org.xietong.demo;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.xietong.shared.FirstStart;
import org.xietong.accounts.UserManagement;
import org.xietong.accounts.UserView;
import org.xietong.batches.BatchManagement;
import org.xietong.batches.BatchView;
import org.xietong.guides.GuideCatalogue;
import org.xietong.guides.GuideDetails;
import org.xietong.guides.GuideManagement;
import org.xietong.guides.GuideView;
import org.xietong.shared.DomainException;
import org.xietong.shared.Money;

/**
 * Guides for the 2025 demo batch, made once when no guide exists: the car maker's five,
 * submitted and approved by the department, ready for the department to put under notice
 * (a notice cannot close at start-up, so none is published yet), and the cloud company's
 * two drafts. It needs the demo batch and enterprises; without them it does nothing. It
 * runs last among the runners and again once the application is ready, since a runner
 * without an order (the demo province) may come after it.
 */
@Component
@Profile("demo")
class DemoGuides implements ApplicationRunner, Ordered {

	private static final Logger log = LoggerFactory.getLogger(DemoGuides.class);

	private final GuideManagement guides;

	private final GuideCatalogue catalogue;

	private final BatchManagement batches;

	private final UserManagement users;

	private final FirstStart firstStart;

	DemoGuides(GuideManagement guides, GuideCatalogue catalogue, BatchManagement batches, UserManagement users,
			FirstStart firstStart) {
		this.firstStart = firstStart;
		this.guides = guides;
		this.catalogue = catalogue;
		this.batches = batches;
		this.users = users;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void run(ApplicationArguments args) {
		seed();
	}

	@EventListener(ApplicationReadyEvent.class)
	void onReady() {
		seed();
	}

	/** Makes the demo guides if there are none, one instance at a time. */
	synchronized void seed() {
		this.firstStart.once(this::create);
	}

	private void create() {
		if (this.catalogue.hasAnyGuide()) {
			return;
		}
		Optional<BatchView> batch = this.batches.findByCode(DemoBatch.CODE_2025);
		Optional<UUID> auto = enterpriseOf("ent-auto");
		Optional<UUID> cloud = enterpriseOf("ent-cloud");
		if (batch.isEmpty() || auto.isEmpty() || cloud.isEmpty()) {
			return;
		}
		UUID batchId = batch.get().id();
		List<GuideView> autoGuides = autoGuides().stream()
			.map(details -> this.guides.create(batchId, auto.get(), details))
			.toList();
		cloudGuides().forEach(details -> this.guides.create(batchId, cloud.get(), details));
		try {
			this.guides.submit(batchId, auto.get());
			autoGuides.forEach(guide -> this.guides.approve(guide.id()));
			log.info("Created the demo guides of {}: five approved, ready for their public notice, two drafts",
					DemoBatch.CODE_2025);
		}
		catch (DomainException ex) {
			// A data folder whose 2025 batch no longer takes guides: they stay drafts.
			log.info("Created the demo guides of {} as drafts: {}", DemoBatch.CODE_2025, ex.getMessage());
		}
	}

	private Optional<UUID> enterpriseOf(String username) {
		return this.users.findByUsername(username).map(UserView::organizationId);
	}

	private static List<GuideDetails> autoGuides() {
		GuideDetails.Contact contact = new GuideDetails.Contact("马晓东", "13904310001", "ent-auto@example.com");
		return List.of(
				guide("NEW_DISCIPLINES", "智能网联汽车新工科课程群共建", "人工智能", "汽车",
						"面向车辆工程、自动化等专业，校企共建智能网联汽车感知、决策与控制课程群，引入一汽产业链真实项目案例，建设虚拟仿真实验。",
						"申报学校须开设车辆工程或相关专业，项目团队含具有工程背景的教师；项目周期 2 年，提交课程大纲、案例库与教学成果报告。", 2, 50_000, 0, contact),
				guide("NEW_DISCIPLINES", "新能源汽车动力电池测试新工科实践项目", "新能源", "汽车",
						"围绕动力电池安全测试与梯次利用，联合高校建设新能源汽车测试技术教学模块，企业提供测试规范、数据集与工程师指导。",
						"面向能源动力、电气类专业；须有实验教学条件，成果以实验指导书和教学案例形式提交。", 2, 50_000, 0, contact),
				guide("CURRICULUM", "汽车软件测试课程体系改革", "数字经济", "汽车", "将汽车电子软件测试、功能安全（ISO 26262）最新要求引入课程，共建可共享的课程资源与教材。",
						"申报团队须有软件工程或计算机类课程教学经验；提交课程标准、教学视频不少于 16 学时。", 2, 30_000, 0, contact),
				guide("TEACHER_TRAINING", "智能网联汽车测试技术师资培训", "机器人与装备制造", "智能制造",
						"面向高校青年教师开展为期两周的智能网联汽车测试装备实训，企业工程师授课并提供实训平台。", "参训教师须承担相关课程教学；培训结束提交培训总结与课程改进方案。", 3, 10_000, 0,
						contact),
				guide("PRACTICE_BASE", "长春汽车测试装备联合实践基地", "机器人与装备制造", "汽车", "企业向高校提供整车在环测试台架及配套软件，共建校内实践基地，每年接收学生实习实训。",
						"申报学校须提供不少于 80 平方米的实验场地并配备管理教师；基地建设期 1 年。", 1, 0, 80_000, contact));
	}

	private static List<GuideDetails> cloudGuides() {
		GuideDetails.Contact contact = new GuideDetails.Contact("林静", "13904310002", "ent-cloud@example.com");
		return List.of(
				guide("CURRICULUM", "工业视觉与深度学习课程共建", "人工智能", "光电信息", "基于吉林光电信息产业的工业视觉检测需求，共建深度学习图像识别课程，企业提供标注数据集与云端算力。",
						"面向计算机、光电信息类专业；提交课程大纲、实验项目不少于 8 个。", 3, 25_000, 0, contact),
				guide("INNOVATION_FUND", "现代农业遥感数据智能分析创新创业联合基金", "智能农业", "现代农业",
						"支持高校教师指导学生利用遥感与无人机数据开展粮食作物长势监测的创新创业实践。", "项目须有本科生团队参与，产出可演示的原型系统及创新创业大赛参赛作品。", 4, 20_000, 0,
						contact));
	}

	private static GuideDetails guide(String type, String title, String direction, String industry, String description,
			String requirements, int projects, long cash, long hardware, GuideDetails.Contact contact) {
		return new GuideDetails(type, title, direction, industry, description, requirements, projects, Money.yuan(cash),
				Money.yuan(hardware), contact);
	}

}
