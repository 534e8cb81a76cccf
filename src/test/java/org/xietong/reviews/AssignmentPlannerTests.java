package org.xietong.reviews;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.xietong.reviews.AssignmentPlanner.Expert;
import org.xietong.reviews.AssignmentPlanner.Need;
import org.xietong.reviews.AssignmentPlanner.Pair;
import org.xietong.reviews.AssignmentPlanner.Plan;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The automatic assignment checked against exhaustive search on 3,000 random small
 * instances (fixed seed): it never assigns a conflicted expert or one beyond its cap,
 * succeeds exactly when a conflict-free assignment within the caps exists, and then
 * spreads the load as evenly as the best one does.
 */
class AssignmentPlannerTests {

	@Test
	void onEveryRandomInstanceThePlanIsCompleteExactlyWhenOneExistsAndAsEvenAsTheBest() {
		Random random = new Random(20241101L);
		int feasible = 0;
		for (int round = 0; round < 3000; round++) {
			Instance instance = Instance.random(random);
			Plan plan = AssignmentPlanner.plan(instance.needs(), instance.experts());
			Best best = exhaustive(instance);

			assertValid(instance, plan);
			assertThat(plan.complete()).as("round %d: %s", round, instance).isEqualTo(best.feasible());
			if (best.feasible()) {
				feasible++;
				assertThat(spread(instance, plan.pairs())).as("round %d: %s", round, instance).isEqualTo(best.spread());
			}
		}
		// Both outcomes were exercised, not just one.
		assertThat(feasible).isBetween(300, 2700);
	}

	@Test
	void fourApplicationsOfThreeExpertsEachOverSixExpertsLoadEveryExpertTwice() {
		List<Expert> experts = new ArrayList<>();
		Set<UUID> all = new HashSet<>();
		for (int i = 0; i < 6; i++) {
			UUID id = new UUID(0, i);
			experts.add(new Expert(id, 0, 30));
			all.add(id);
		}
		List<Need> needs = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			needs.add(new Need(new UUID(1, i), 3, all));
		}

		Plan plan = AssignmentPlanner.plan(needs, experts);

		assertThat(plan.complete()).isTrue();
		Map<UUID, Integer> loads = new HashMap<>();
		plan.pairs().forEach(pair -> loads.merge(pair.expertId(), 1, Integer::sum));
		assertThat(loads.values()).containsOnly(2).hasSize(6);
	}

	@Test
	void anApplicationEveryExpertConflictsWithIsNamedAsShort() {
		UUID expert = new UUID(0, 1);
		UUID covered = new UUID(1, 1);
		UUID conflicted = new UUID(1, 2);

		Plan plan = AssignmentPlanner.plan(
				List.of(new Need(covered, 1, Set.of(expert)), new Need(conflicted, 1, Set.of())),
				List.of(new Expert(expert, 0, 5)));

		assertThat(plan.complete()).isFalse();
		assertThat(plan.shortOf()).containsExactly(Map.entry(conflicted, 1));
	}

	private static void assertValid(Instance instance, Plan plan) {
		Map<UUID, Integer> added = new HashMap<>();
		Set<Pair> seen = new HashSet<>();
		for (Pair pair : plan.pairs()) {
			Need need = instance.need(pair.applicationId());
			assertThat(need.allowed()).as("a conflicted expert is never assigned").contains(pair.expertId());
			assertThat(seen.add(pair)).as("an expert is assigned to an application once").isTrue();
			added.merge(pair.expertId(), 1, Integer::sum);
		}
		for (Expert expert : instance.experts()) {
			assertThat(expert.load() + added.getOrDefault(expert.expertId(), 0)).isLessThanOrEqualTo(expert.cap());
		}
		for (Need need : instance.needs()) {
			long count = plan.pairs().stream().filter(p -> p.applicationId().equals(need.applicationId())).count();
			assertThat(count).isEqualTo(need.experts() - plan.shortOf().getOrDefault(need.applicationId(), 0));
		}
	}

	private static int spread(Instance instance, List<Pair> pairs) {
		Map<UUID, Integer> loads = new HashMap<>();
		instance.experts().forEach(expert -> loads.put(expert.expertId(), expert.load()));
		pairs.forEach(pair -> loads.merge(pair.expertId(), 1, Integer::sum));
		int max = loads.values().stream().mapToInt(Integer::intValue).max().orElse(0);
		int min = loads.values().stream().mapToInt(Integer::intValue).min().orElse(0);
		return max - min;
	}

	/**
	 * Every combination of expert subsets: whether one fits the caps, and its least
	 * spread.
	 */
	private static Best exhaustive(Instance instance) {
		List<List<Set<UUID>>> choices = new ArrayList<>();
		for (Need need : instance.needs()) {
			choices.add(subsets(new ArrayList<>(need.allowed()), need.experts()));
		}
		int[] best = { Integer.MAX_VALUE };
		search(instance, choices, 0, new ArrayList<>(), best);
		return new Best(best[0] != Integer.MAX_VALUE, best[0]);
	}

	private static void search(Instance instance, List<List<Set<UUID>>> choices, int index, List<Pair> chosen,
			int[] best) {
		if (index == choices.size()) {
			Map<UUID, Integer> loads = new HashMap<>();
			instance.experts().forEach(expert -> loads.put(expert.expertId(), expert.load()));
			chosen.forEach(pair -> loads.merge(pair.expertId(), 1, Integer::sum));
			for (Expert expert : instance.experts()) {
				if (loads.get(expert.expertId()) > expert.cap()) {
					return;
				}
			}
			best[0] = Math.min(best[0], spread(instance, chosen));
			return;
		}
		for (Set<UUID> subset : choices.get(index)) {
			int size = chosen.size();
			subset.forEach(expert -> chosen.add(new Pair(instance.needs().get(index).applicationId(), expert)));
			search(instance, choices, index + 1, chosen, best);
			chosen.subList(size, chosen.size()).clear();
		}
	}

	private static List<Set<UUID>> subsets(List<UUID> items, int size) {
		List<Set<UUID>> result = new ArrayList<>();
		collect(items, size, 0, new ArrayList<>(), result);
		return result;
	}

	private static void collect(List<UUID> items, int size, int from, List<UUID> current, List<Set<UUID>> result) {
		if (current.size() == size) {
			result.add(new HashSet<>(current));
			return;
		}
		for (int i = from; i < items.size(); i++) {
			current.add(items.get(i));
			collect(items, size, i + 1, current, result);
			current.remove(current.size() - 1);
		}
	}

	private record Best(boolean feasible, int spread) {
	}

	private record Instance(List<Need> needs, List<Expert> experts) {

		static Instance random(Random random) {
			int pool = 1 + random.nextInt(5);
			List<Expert> experts = new ArrayList<>();
			for (int e = 0; e < pool; e++) {
				int cap = 1 + random.nextInt(3);
				experts.add(new Expert(new UUID(0, e), random.nextInt(cap + 1) / 2, cap));
			}
			int applications = 1 + random.nextInt(4);
			List<Need> needs = new ArrayList<>();
			for (int a = 0; a < applications; a++) {
				Set<UUID> allowed = new HashSet<>();
				for (Expert expert : experts) {
					if (random.nextDouble() > 0.3) {
						allowed.add(expert.expertId());
					}
				}
				needs.add(new Need(new UUID(1, a), 1 + random.nextInt(Math.min(3, pool)), allowed));
			}
			return new Instance(needs, experts);
		}

		Need need(UUID id) {
			return this.needs.stream().filter(need -> need.applicationId().equals(id)).findFirst().orElseThrow();
		}

	}

}
