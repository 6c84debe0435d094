import type { Disaster, DisasterRepository, Program, ProgramRepository } from '@sbiz24/shared';
import type { RunManifest } from '@sbiz24/shared/recompute/types';

/**
 * The exact program versions and disasters a run was prepared with. Most programs are unchanged since prepare,
 * so one listing serves them; only programs edited or closed meanwhile are read at their recorded version.
 */
export async function loadRunInputs(
  repos: { programs: ProgramRepository; disasters: DisasterRepository },
  manifest: RunManifest,
): Promise<{ programs: Program[]; disasters: Disaster[] }> {
  const listed = [
    ...(await repos.programs.list({ status: 'open' })),
    ...(await repos.programs.list({ status: 'scheduled' })),
  ];
  const current = new Map(listed.map((p) => [p.id, p]));
  const programs: Program[] = [];
  for (const ref of manifest.programs) {
    const p = current.get(ref.id);
    const program = p?.version === ref.version ? p : await repos.programs.getVersion(ref.id, ref.version);
    if (!program) throw new Error(`run ${manifest.runId}: program ${ref.id} v${ref.version} is missing`);
    programs.push(program);
  }
  const wanted = new Set(manifest.disasterIds);
  const disasters = (await repos.disasters.list()).filter((d) => wanted.has(d.id));
  return { programs, disasters };
}
