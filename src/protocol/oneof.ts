// protobufjs's oneof setter, which decoding calls for every oneof field it reads, deletes each of
// the oneof's other fields from the message: `delete` of a property the object does not have is
// still a runtime call in V8, ten per ServerFrame (5 % of the client library's CPU in-process).
// This one deletes only the fields the message holds, which is all the original could remove.
// Like long.ts, it must be evaluated before gen/switchboard.js builds its prototypes.
import protobuf from "protobufjs/minimal.js";

const hasOwn = Object.prototype.hasOwnProperty;

protobuf.util.oneOfSetter = function oneOfSetter(fieldNames: string[]) {
  return function (this: Record<string, unknown>, name: string): void {
    for (let i = 0; i < fieldNames.length; ++i) {
      const field = fieldNames[i]!;
      if (field !== name && hasOwn.call(this, field)) delete this[field];
    }
  };
} as typeof protobuf.util.oneOfSetter;
