import type { DataSource } from 'typeorm';
import { seedDepartments } from '../modules/department/department.seed';
import { seedPolicyParameters } from '../modules/policy/policy.seed';
import { seedRegions } from '../modules/region/region.seed';
import { seedTaskForce } from '../modules/task-force/task-force.seed';

/** Reference data every start applies, idempotently, in one transaction. */
export async function applyReferenceData(dataSource: DataSource): Promise<void> {
  await dataSource.transaction(async (manager) => {
    await seedRegions(manager);
    await seedDepartments(manager);
    await seedTaskForce(manager);
    await seedPolicyParameters(manager);
  });
}
