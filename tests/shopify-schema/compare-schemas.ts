import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isRequiredArgument,
  isRequiredInputField,
  isScalarType,
  isUnionType,
  print,
  type GraphQLArgument,
  type GraphQLInputField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from "graphql";

const BUILT_IN = new Set(["String", "Int", "Float", "Boolean", "ID"]);

function kindOf(type: GraphQLNamedType): string {
  if (isScalarType(type)) return "scalar";
  if (isObjectType(type)) return "object type";
  if (isInterfaceType(type)) return "interface";
  if (isUnionType(type)) return "union";
  if (isEnumType(type)) return "enum";
  return "input type";
}

function defaultText(value: GraphQLArgument | GraphQLInputField): string | null {
  const given = value.default;
  if (!given) return null;
  return given.literal ? print(given.literal) : JSON.stringify(given.value);
}

/** Arguments or input fields: each of ours exists there with the same type and default; none of theirs that is required is missing here. */
function compareValues(
  where: string,
  ours: readonly (GraphQLArgument | GraphQLInputField)[],
  theirs: readonly (GraphQLArgument | GraphQLInputField)[],
  required: (value: GraphQLArgument | GraphQLInputField) => boolean,
): string[] {
  const deviations: string[] = [];
  const byName = new Map(theirs.map((value) => [value.name, value]));
  for (const value of ours) {
    const real = byName.get(value.name);
    if (!real) {
      deviations.push(`${where}(${value.name}:) does not exist in Shopify's schema`);
      continue;
    }
    if (String(value.type) !== String(real.type)) deviations.push(`${where}(${value.name}:) is ${String(value.type)} here but ${String(real.type)} in Shopify's schema`);
    const ourDefault = defaultText(value);
    if (ourDefault !== null && ourDefault !== defaultText(real)) {
      deviations.push(`${where}(${value.name}:) defaults to ${ourDefault} here but to ${defaultText(real) ?? "nothing"} in Shopify's schema`);
    }
  }
  const names = new Set(ours.map((value) => value.name));
  for (const real of theirs) {
    if (required(real) && !names.has(real.name)) deviations.push(`${where}(${real.name}:) is required in Shopify's schema but missing here`);
  }
  return deviations;
}

function compareType(ours: GraphQLNamedType, real: GraphQLNamedType): string[] {
  const name = ours.name;
  if (kindOf(ours) !== kindOf(real)) return [`${name} is an ${kindOf(ours)} here but an ${kindOf(real)} in Shopify's schema`];
  const deviations: string[] = [];
  if ((isObjectType(ours) || isInterfaceType(ours)) && (isObjectType(real) || isInterfaceType(real))) {
    const realInterfaces = new Set(real.getInterfaces().map((i) => i.name));
    for (const i of ours.getInterfaces()) if (!realInterfaces.has(i.name)) deviations.push(`${name} implements ${i.name} here but not in Shopify's schema`);
    const realFields = real.getFields();
    for (const field of Object.values(ours.getFields())) {
      const theirs = realFields[field.name];
      if (!theirs) {
        deviations.push(`${name}.${field.name} does not exist in Shopify's schema`);
        continue;
      }
      if (String(field.type) !== String(theirs.type)) deviations.push(`${name}.${field.name} is ${String(field.type)} here but ${String(theirs.type)} in Shopify's schema`);
      deviations.push(...compareValues(`${name}.${field.name}`, field.args, theirs.args, (arg) => isRequiredArgument(arg as GraphQLArgument)));
    }
  } else if (isUnionType(ours) && isUnionType(real)) {
    const members = new Set(real.getTypes().map((t) => t.name));
    for (const member of ours.getTypes()) if (!members.has(member.name)) deviations.push(`${name} has member ${member.name} here but not in Shopify's schema`);
  } else if (isEnumType(ours) && isEnumType(real)) {
    const values = new Set(real.getValues().map((v) => v.name));
    for (const value of ours.getValues()) if (!values.has(value.name)) deviations.push(`${name}.${value.name} is not a value of Shopify's enum`);
  } else if (isInputObjectType(ours) && isInputObjectType(real)) {
    const fields = Object.values(real.getFields());
    deviations.push(...compareValues(name, Object.values(ours.getFields()), fields, (field) => isRequiredInputField(field as GraphQLInputField)));
  }
  return deviations;
}

/**
 * Where `ours` is not a faithful subset of `real`: every type, field, argument, input field, enum value, interface
 * and union member ours defines must exist there with the same type (wrapping included) and the same default, and
 * ours may not omit an argument or input field that real requires. With that, a document valid here is valid there.
 */
export function schemaDeviations(ours: GraphQLSchema, real: GraphQLSchema): string[] {
  const deviations: string[] = [];
  for (const [operation, ourRoot, realRoot] of [
    ["query", ours.getQueryType(), real.getQueryType()],
    ["mutation", ours.getMutationType(), real.getMutationType()],
    ["subscription", ours.getSubscriptionType(), real.getSubscriptionType()],
  ] as const) {
    if (ourRoot && ourRoot.name !== realRoot?.name) deviations.push(`the ${operation} root is ${ourRoot.name} here but ${realRoot?.name ?? "absent"} in Shopify's schema`);
  }
  for (const directive of ours.getDirectives()) {
    if (!real.getDirective(directive.name)) deviations.push(`directive @${directive.name} does not exist in Shopify's schema`);
  }
  for (const type of Object.values(ours.getTypeMap())) {
    if (type.name.startsWith("__") || BUILT_IN.has(type.name)) continue;
    const theirs = real.getType(type.name);
    if (!theirs) deviations.push(`type ${type.name} does not exist in Shopify's schema`);
    else deviations.push(...compareType(type, theirs));
  }
  return deviations;
}
