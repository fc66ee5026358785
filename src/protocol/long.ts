// Seqs and timestamps stay far below 2^53: uint64 fields decode as plain numbers, never as Long
// objects. This module must be evaluated before gen/switchboard.js (proto.ts imports it first):
// the generated code reads util.Long when it builds its prototypes, and a field left at its
// default would otherwise read as Long {0}, with which `seq + 1` is the string "01".
import protobuf from "protobufjs/minimal.js";

protobuf.util.Long = undefined as unknown as typeof protobuf.util.Long;
protobuf.configure();
