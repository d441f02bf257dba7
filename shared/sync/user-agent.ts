import project from '../../package.json' with { type: 'json' };

/**
 * The User-Agent a sync sends: the project, its version, what it does, and where its operator can
 * be reached (`contact`: the deployment's URL, or a page or address the operator names), so a
 * portal's administrator can tell who is asking and why.
 */
export function syncUserAgent(contact?: string): string {
  const about = ['Danish municipal minutes search', contact ? `+${contact}` : null].filter(Boolean);
  return `${project.name}/${project.version} (${about.join('; ')})`;
}
