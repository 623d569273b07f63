import { OptionError } from '../errors/index.ts';
import { findListeningPid, isLoopbackHost, planDomains, type DomainPlan, type EnergySourceName, type SourceOptions } from '../energy/index.ts';
import type { ModelRunner, ModelSpec } from '../run/index.ts';

/** What profile() needs to know to choose energy sources; the matching fields of ProfileOptions. */
export interface EnergyChoice {
  energy?: EnergySourceName | 'auto';
  energyDomains?: string[];
  energyFrom?: string;
  energyOptions?: SourceOptions;
  wattsPerCore?: number;
}

/**
 * Chooses what to measure for a model that is open: the sensor for where it runs, and for an `openai:` model the
 * server's energy (its process on this machine, an exporter named by `energyFrom`, or nothing). Never the client's CPU
 * for a server's work.
 */
export function energyPlanFor(spec: ModelSpec, runner: ModelRunner, choice: EnergyChoice): { plan: DomainPlan; sourceOptions: SourceOptions; serverPid?: number } {
  const sourceOptions: SourceOptions = { ...choice.energyOptions, wattsPerCore: choice.wattsPerCore };
  if (choice.energyFrom !== undefined) {
    const url = choice.energyFrom.replace(/^prometheus:/, '');
    if (url === choice.energyFrom) throw new OptionError('energyFrom', 'invalid', `energyFrom expects "prometheus:http://host:port/metrics", got "${choice.energyFrom}"`);
    return {
      plan: { sources: ['prometheus'], primary: choice.energyDomains ?? ['prometheus'], notes: [`energy read from the exporter at ${url}; this machine's sensors are not used`] },
      sourceOptions: { ...sourceOptions, prometheusUrl: url },
    };
  }
  if (spec.kind === 'gguf') {
    return { plan: planDomains({ accelerator: runner.description.accelerator, source: choice.energy, domains: choice.energyDomains }, sourceOptions), sourceOptions };
  }
  const url = new URL(spec.baseUrl);
  if (!isLoopbackHost(url.hostname)) {
    return { plan: planDomains({ accelerator: 'remote', remote: true }, sourceOptions), sourceOptions };
  }
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  const serverPid = findListeningPid(port, choice.energyOptions?.procRoot);
  if (serverPid === undefined) {
    const reason = `no process on this machine could be found listening on port ${port} (is it another user's, or in a container?)`;
    return { plan: { sources: ['none'], primary: ['none'], notes: [`energy is not measured: ${reason}`], unmeasuredReason: reason }, sourceOptions };
  }
  const plan = planDomains({ accelerator: 'cpu', source: choice.energy, domains: choice.energyDomains, serverPid }, { ...sourceOptions, serverPid });
  plan.notes.push(`the model server is process ${serverPid} on this machine (port ${port}); its energy is measured, not this client's`);
  return { plan, sourceOptions: { ...sourceOptions, serverPid }, serverPid };
}
