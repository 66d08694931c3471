import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from '../../access/roles';

/** 部门: a department the policy names, with the role its staff act in. Reference data, not exposed yet. */
@Entity({ name: 'department' })
export class Department {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 48, unique: true })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'varchar', length: 32 })
  role: Role;

  @Index()
  @Column({ name: 'region_id', type: 'uuid', nullable: true })
  regionId: string | null;
}
