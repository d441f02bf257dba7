import { Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Acknowledges cdk-nag's wildcard finding (AwsSolutions-IAM5) for one resource pattern on a role,
 * e.g. `<arn>/*` or `<function ARN>:*`. cdk-nag 3 matches a finding by its exact id, and the id
 * embeds the ARN as the template writes it: for a resource of another stack that is a weak
 * reference (cdk.json's defaultCrossStackReferences), an `Fn::GetStackOutput` known only once
 * synthesis has resolved the cross-stack references. The acknowledgement is therefore recorded in
 * a validation hook, which runs after references are resolved and before the rule packs check the
 * templates.
 */
export function acknowledgeWildcard(scope: IConstruct, resource: string, reason: string): void {
  scope.node.addValidation({
    validate: () => {
      const flat = flattenReference(Stack.of(scope).resolve(resource));
      Validations.of(scope).acknowledge({ id: `AwsSolutions-IAM5[Resource::${flat}]`, reason });
      return [];
    },
  });
}

/** Acknowledges AwsSolutions-IAM5 for `<arn>/*`: every object (path) under one resource. */
export function acknowledgeObjectWildcard(scope: IConstruct, arn: string, reason: string): void {
  acknowledgeWildcard(scope, `${arn}/*`, reason);
}

/**
 * A resolved CloudFormation value as cdk-nag writes it into finding ids: references as `<Name>`,
 * joins flattened, anything else (an `Fn::GetStackOutput`) as its JSON.
 */
export function flattenReference(value: unknown): string {
  if (typeof value === 'string') return value.replace(/\$\{/g, '<').replace(/\}/g, '>');
  if (value && typeof value === 'object') {
    const node = value as Record<string, unknown>;
    if (Array.isArray(node['Fn::Join'])) {
      const [delimiter, items] = node['Fn::Join'] as [string, unknown[]];
      return items.map(flattenReference).join(delimiter);
    }
    if ('Fn::Sub' in node) return flattenReference(node['Fn::Sub']);
    if (Array.isArray(node['Fn::GetAtt'])) {
      const [resource, attribute] = node['Fn::GetAtt'] as [unknown, unknown];
      return `<${flattenReference(resource)}.${flattenReference(attribute)}>`;
    }
    if ('Ref' in node) return `<${flattenReference(node.Ref)}>`;
  }
  return JSON.stringify(value);
}
