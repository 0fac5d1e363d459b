// Generated from the shared conformance corpus (sfn/cases.jsonl) (LocalStack's AWS-recorded Step Functions
// snapshots, Apache-2.0): every standalone execution made only of JSONPath Pass and Fail states
// that does not depend on generated names, UUIDs or random numbers. Each vector keeps the case id.
// Regenerate rather than edit by hand.

import type { JsonValue } from './json.js';

export interface CorpusVector {
  readonly id: string;
  readonly definition: JsonValue;
  readonly input: JsonValue;
  readonly expected:
    | { readonly status: 'SUCCEEDED'; readonly output: JsonValue }
    | { readonly status: 'FAILED'; readonly error: string; readonly cause: string };
}

export const AWS_CORPUS_VECTORS: readonly CorpusVector[] = [
  {
    "id": "tests/aws/services/stepfunctions/v2/assign/test_assign_base.py::TestAssignBase::test_base_cases[BASE_EMPTY]#get_execution_history",
    "definition": {
      "StartAt": "State0",
      "States": {
        "State0": {
          "Type": "Pass",
          "Assign": {},
          "End": true
        }
      }
    },
    "input": {
      "input_value": "input_value_literal"
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "input_value": "input_value_literal"
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/assign/test_assign_reference_variables.py::TestAssignReferenceVariables::test_reference_assign[BASE_REFERENCE_IN_PARAMETERS]#get_execution_history",
    "definition": {
      "Comment": "BASE_REFERENCE_IN_PARAMETERS",
      "StartAt": "State0",
      "States": {
        "State0": {
          "Type": "Pass",
          "Parameters": {
            "result": "$result"
          },
          "Assign": {
            "result": "foobar"
          },
          "Next": "State1"
        },
        "State1": {
          "Type": "Pass",
          "ResultPath": "$.result",
          "Parameters": {
            "result.$": "$result"
          },
          "End": true
        }
      }
    },
    "input": {},
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "result": {
          "result": "foobar"
        }
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/assign/test_assign_reference_variables.py::TestAssignReferenceVariables::test_reference_assign[BASE_REFERENCE_IN_INPUTPATH]#get_execution_history",
    "definition": {
      "Comment": "BASE_REFERENCE_IN_INPUTPATH",
      "StartAt": "State0",
      "States": {
        "State0": {
          "Type": "Pass",
          "Assign": {
            "theAnswer": 42
          },
          "Next": "State1"
        },
        "State1": {
          "Type": "Pass",
          "InputPath": "$theAnswer",
          "End": true
        }
      }
    },
    "input": {},
    "expected": {
      "status": "SUCCEEDED",
      "output": 42
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/assign/test_assign_reference_variables.py::TestAssignReferenceVariables::test_reference_assign[BASE_REFERENCE_IN_OUTPUTPATH]#get_execution_history",
    "definition": {
      "Comment": "BASE_REFERENCE_IN_OUTPUTPATH",
      "StartAt": "State0",
      "States": {
        "State0": {
          "Type": "Pass",
          "Result": {
            "answer": 42
          },
          "Assign": {
            "theAnswer.$": "$.answer"
          },
          "Next": "State1"
        },
        "State1": {
          "Type": "Pass",
          "OutputPath": "$theAnswer",
          "End": true
        }
      }
    },
    "input": {},
    "expected": {
      "status": "SUCCEEDED",
      "output": 42
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/assign/test_assign_reference_variables.py::TestAssignReferenceVariables::test_reference_assign[BASE_REFERENCE_IN_FAIL]#get_execution_history",
    "definition": {
      "Comment": "BASE_REFERENCE_IN_FAIL",
      "StartAt": "Pass",
      "States": {
        "Pass": {
          "Type": "Pass",
          "Assign": {
            "errorVar": "Exception",
            "causeVar": "An Exception was encountered"
          },
          "Next": "Fail"
        },
        "Fail": {
          "Type": "Fail",
          "CausePath": "$causeVar",
          "ErrorPath": "$errorVar"
        }
      }
    },
    "input": {},
    "expected": {
      "status": "FAILED",
      "error": "Exception",
      "cause": "An Exception was encountered"
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/assign/test_assign_reference_variables.py::TestAssignReferenceVariables::test_assign_from_value[BASE_ASSIGN_FROM_PARAMETERS]#get_execution_history",
    "definition": {
      "Comment": "BASE_ASSIGN_FROM_PARAMETERS",
      "StartAt": "State0",
      "States": {
        "State0": {
          "Type": "Pass",
          "Parameters": {
            "input": "PENDING"
          },
          "Assign": {
            "result.$": "$.input"
          },
          "Next": "State1"
        },
        "State1": {
          "Type": "Pass",
          "Assign": {
            "result": "SUCCESS",
            "originalResult.$": "$.input"
          },
          "End": true
        }
      }
    },
    "input": {},
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "input": "PENDING"
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/assign/test_assign_reference_variables.py::TestAssignReferenceVariables::test_assign_from_value[BASE_ASSIGN_FROM_RESULT]#get_execution_history",
    "definition": {
      "Comment": "BASE_ASSIGN_FROM_RESULT",
      "StartAt": "State0",
      "States": {
        "State0": {
          "Type": "Pass",
          "Result": {
            "answer": 42
          },
          "Assign": {
            "theAnswer.$": "$.answer"
          },
          "End": true
        }
      }
    },
    "input": {},
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "answer": 42
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/assign/test_assign_reference_variables.py::TestAssignReferenceVariables::test_state_assign_evaluation_order[BASE_EVALUATION_ORDER_PASS_STATE]#get_execution_history",
    "definition": {
      "Comment": "BASE_EVALUATION_ORDER_PASS_STATE",
      "StartAt": "State0",
      "States": {
        "State0": {
          "Type": "Pass",
          "Result": {
            "theQuestion": "What is the answer to life the universe and everything?"
          },
          "Assign": {
            "question.$": "$.theQuestion",
            "answer": 42
          },
          "Next": "State1"
        },
        "State1": {
          "Type": "Pass",
          "InputPath": "$answer",
          "ResultPath": "$.theAnswer",
          "OutputPath": "$answer",
          "Assign": {
            "answer": "<omitted>"
          },
          "End": true
        }
      }
    },
    "input": {},
    "expected": {
      "status": "SUCCEEDED",
      "output": 42
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/base/test_base.py::TestSnfBase::test_state_fail#get_execution_history",
    "definition": {
      "Comment": "BASE_RAISE_FAILURE",
      "StartAt": "FailState",
      "States": {
        "FailState": {
          "Type": "Fail",
          "Error": "SomeFailure",
          "Cause": "This state machines raises a 'SomeFailure' failure."
        }
      }
    },
    "input": {},
    "expected": {
      "status": "FAILED",
      "error": "SomeFailure",
      "cause": "This state machines raises a 'SomeFailure' failure."
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/base/test_base.py::TestSnfBase::test_state_fail_path#get_execution_history",
    "definition": {
      "Comment": "RAISE_FAILURE_PATH",
      "StartAt": "FailState",
      "States": {
        "FailState": {
          "Type": "Fail",
          "ErrorPath": "$.Error",
          "CausePath": "$.Cause"
        }
      }
    },
    "input": {
      "Error": "error string",
      "Cause": "cause string"
    },
    "expected": {
      "status": "FAILED",
      "error": "error string",
      "cause": "cause string"
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/base/test_base.py::TestSnfBase::test_state_fail_intrinsic#get_execution_history",
    "definition": {
      "Comment": "RAISE_FAILURE_PATH_INTRINSIC",
      "StartAt": "FailState",
      "States": {
        "FailState": {
          "Type": "Fail",
          "ErrorPath": "States.Format('{}', $.Error)",
          "CausePath": "States.Format('This is a custom error message for {}, caused by {}.', $.Error, $.Cause)"
        }
      }
    },
    "input": {
      "Error": "error string",
      "Cause": "cause string"
    },
    "expected": {
      "status": "FAILED",
      "error": "error string",
      "cause": "This is a custom error message for error string, caused by cause string."
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/base/test_base.py::TestSnfBase::test_state_pass_result#get_execution_history",
    "definition": {
      "Comment": "BASE_PASS_RESULT",
      "StartAt": "State_1",
      "States": {
        "State_1": {
          "Type": "Pass",
          "Result": {
            "Arg1": "argument1"
          },
          "End": true
        }
      }
    },
    "input": {},
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "Arg1": "argument1"
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/base/test_base.py::TestSnfBase::test_decl_version_1_0#get_execution_history",
    "definition": {
      "Comment": "DECL_VERSION_1_0",
      "StartAt": "State_1",
      "Version": "1.0",
      "States": {
        "State_1": {
          "Type": "Pass",
          "End": true
        }
      }
    },
    "input": {},
    "expected": {
      "status": "SUCCEEDED",
      "output": {}
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/base/test_base.py::TestSnfBase::test_state_pass_result_null_input_output_paths#get_execution_history",
    "definition": {
      "Comment": "BASE_PASS_RESULT_NULL_INPUT_OUTPUT_PATHS",
      "StartAt": "State0",
      "States": {
        "State0": {
          "Type": "Pass",
          "Parameters": {
            "Arg1": "argument1",
            "FromInput.$": "$"
          },
          "Next": "State1"
        },
        "State1": {
          "Type": "Pass",
          "InputPath": null,
          "Parameters": {
            "Arg2": "argument2",
            "FromInput.$": "$"
          },
          "Next": "State2"
        },
        "State2": {
          "Type": "Pass",
          "OutputPath": null,
          "End": true
        }
      }
    },
    "input": {
      "InputValue": 0
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {}
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/base/test_base.py::TestSnfBase::test_state_pass_regex_json_path_base#get_execution_history",
    "definition": {
      "Comment": "BASE_PASS_RESULT_REGEX_JSON_PATH_BASE",
      "StartAt": "State0",
      "States": {
        "State0": {
          "Type": "Pass",
          "Parameters": {
            "FromInput.$": "$.users[?(@.status == 0)]"
          },
          "End": true
        }
      }
    },
    "input": {
      "users": [
        {
          "year": 1997,
          "status": 0
        },
        {
          "year": 1998,
          "status": 1
        }
      ]
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FromInput": [
          {
            "year": 1997,
            "status": 0
          }
        ]
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/base/test_base.py::TestSnfBase::test_json_path_array_access[$.items[0]]#get_execution_history",
    "definition": {
      "Comment": "JSON_PATH_ARRAY_ACCESS",
      "StartAt": "EntryState",
      "States": {
        "EntryState": {
          "Type": "Pass",
          "Parameters": {
            "item.$": "$.items[0]"
          },
          "End": true
        }
      }
    },
    "input": {
      "items": [
        {
          "item_key": 0
        },
        {
          "item_key": 1
        },
        {
          "item_key": 2
        },
        {
          "item_key": 3
        },
        {
          "item_key": 4
        },
        {
          "item_key": 5
        },
        {
          "item_key": 6
        },
        {
          "item_key": 7
        },
        {
          "item_key": 8
        },
        {
          "item_key": 9
        },
        {
          "item_key": 10
        }
      ]
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "item": {
          "item_key": 0
        }
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/base/test_base.py::TestSnfBase::test_json_path_array_access[$.items[10]]#get_execution_history",
    "definition": {
      "Comment": "JSON_PATH_ARRAY_ACCESS",
      "StartAt": "EntryState",
      "States": {
        "EntryState": {
          "Type": "Pass",
          "Parameters": {
            "item.$": "$.items[10]"
          },
          "End": true
        }
      }
    },
    "input": {
      "items": [
        {
          "item_key": 0
        },
        {
          "item_key": 1
        },
        {
          "item_key": 2
        },
        {
          "item_key": 3
        },
        {
          "item_key": 4
        },
        {
          "item_key": 5
        },
        {
          "item_key": 6
        },
        {
          "item_key": 7
        },
        {
          "item_key": 8
        },
        {
          "item_key": 9
        },
        {
          "item_key": 10
        }
      ]
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "item": {
          "item_key": 10
        }
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/base/test_base.py::TestSnfBase::test_json_path_array_wildcard_or_slice_with_no_input[$[*]]#get_execution_history",
    "definition": {
      "Comment": "JSON_PATH_ARRAY_ACCESS",
      "StartAt": "EntryState",
      "States": {
        "EntryState": {
          "Type": "Pass",
          "Parameters": {
            "item.$": "$[*]"
          },
          "End": true
        }
      }
    },
    "input": {},
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "item": []
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/base/test_base.py::TestSnfBase::test_json_path_array_wildcard_or_slice_with_no_input[$.items[*]]#get_execution_history",
    "definition": {
      "Comment": "JSON_PATH_ARRAY_ACCESS",
      "StartAt": "EntryState",
      "States": {
        "EntryState": {
          "Type": "Pass",
          "Parameters": {
            "item.$": "$.items[*]"
          },
          "End": true
        }
      }
    },
    "input": {},
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "item": []
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/base/test_base.py::TestSnfBase::test_json_path_array_wildcard_or_slice_with_no_input[$.items[1:]]#get_execution_history",
    "definition": {
      "Comment": "JSON_PATH_ARRAY_ACCESS",
      "StartAt": "EntryState",
      "States": {
        "EntryState": {
          "Type": "Pass",
          "Parameters": {
            "item.$": "$.items[1:]"
          },
          "End": true
        }
      }
    },
    "input": {},
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "item": []
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/base/test_base.py::TestSnfBase::test_json_path_array_wildcard_or_slice_with_no_input[$.items[:1]]#get_execution_history",
    "definition": {
      "Comment": "JSON_PATH_ARRAY_ACCESS",
      "StartAt": "EntryState",
      "States": {
        "EntryState": {
          "Type": "Pass",
          "Parameters": {
            "item.$": "$.items[:1]"
          },
          "End": true
        }
      }
    },
    "input": {},
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "item": []
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/base/test_base.py::TestSnfBase::test_json_path_array_wildcard_or_slice_with_no_input[$.item.items[*]]#get_execution_history",
    "definition": {
      "Comment": "JSON_PATH_ARRAY_ACCESS",
      "StartAt": "EntryState",
      "States": {
        "EntryState": {
          "Type": "Pass",
          "Parameters": {
            "item.$": "$.item.items[*]"
          },
          "End": true
        }
      }
    },
    "input": {},
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "item": []
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/base/test_base.py::TestSnfBase::test_json_path_array_wildcard_or_slice_with_no_input[$.item.items[1:]]#get_execution_history",
    "definition": {
      "Comment": "JSON_PATH_ARRAY_ACCESS",
      "StartAt": "EntryState",
      "States": {
        "EntryState": {
          "Type": "Pass",
          "Parameters": {
            "item.$": "$.item.items[1:]"
          },
          "End": true
        }
      }
    },
    "input": {},
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "item": []
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/base/test_base.py::TestSnfBase::test_json_path_array_wildcard_or_slice_with_no_input[$.item.items[:1]]#get_execution_history",
    "definition": {
      "Comment": "JSON_PATH_ARRAY_ACCESS",
      "StartAt": "EntryState",
      "States": {
        "EntryState": {
          "Type": "Pass",
          "Parameters": {
            "item.$": "$.item.items[:1]"
          },
          "End": true
        }
      }
    },
    "input": {},
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "item": []
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/base/test_base.py::TestSnfBase::test_json_path_array_wildcard_or_slice_with_no_input[$.item.items[1:5]]#get_execution_history",
    "definition": {
      "Comment": "JSON_PATH_ARRAY_ACCESS",
      "StartAt": "EntryState",
      "States": {
        "EntryState": {
          "Type": "Pass",
          "Parameters": {
            "item.$": "$.item.items[1:5]"
          },
          "End": true
        }
      }
    },
    "input": {},
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "item": []
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/base/test_base.py::TestSnfBase::test_json_path_array_wildcard_or_slice_with_no_input[$.items[*].itemValue]#get_execution_history",
    "definition": {
      "Comment": "JSON_PATH_ARRAY_ACCESS",
      "StartAt": "EntryState",
      "States": {
        "EntryState": {
          "Type": "Pass",
          "Parameters": {
            "item.$": "$.items[*].itemValue"
          },
          "End": true
        }
      }
    },
    "input": {},
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "item": []
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/base/test_base.py::TestSnfBase::test_json_path_array_wildcard_or_slice_with_no_input[$.items[1:].itemValue]#get_execution_history",
    "definition": {
      "Comment": "JSON_PATH_ARRAY_ACCESS",
      "StartAt": "EntryState",
      "States": {
        "EntryState": {
          "Type": "Pass",
          "Parameters": {
            "item.$": "$.items[1:].itemValue"
          },
          "End": true
        }
      }
    },
    "input": {},
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "item": []
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/base/test_base.py::TestSnfBase::test_json_path_array_wildcard_or_slice_with_no_input[$.items[:1].itemValue]#get_execution_history",
    "definition": {
      "Comment": "JSON_PATH_ARRAY_ACCESS",
      "StartAt": "EntryState",
      "States": {
        "EntryState": {
          "Type": "Pass",
          "Parameters": {
            "item.$": "$.items[:1].itemValue"
          },
          "End": true
        }
      }
    },
    "input": {},
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "item": []
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/base/test_base.py::TestSnfBase::test_json_path_array_wildcard_or_slice_with_no_input[$.item.items[1:5].itemValue]#get_execution_history",
    "definition": {
      "Comment": "JSON_PATH_ARRAY_ACCESS",
      "StartAt": "EntryState",
      "States": {
        "EntryState": {
          "Type": "Pass",
          "Parameters": {
            "item.$": "$.item.items[1:5].itemValue"
          },
          "End": true
        }
      }
    },
    "input": {},
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "item": []
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/comments/test_comments.py::TestComments::test_comment_in_parameters#get_execution_history",
    "definition": {
      "Comment": "COMMENTS_IN_PARAMETERS",
      "StartAt": "StartState",
      "States": {
        "StartState": {
          "Type": "Pass",
          "Parameters": {
            "Comment": "Comment text",
            "comment": "comment text",
            "constant": "constant text"
          },
          "End": true
        }
      }
    },
    "input": {},
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "Comment": "Comment text",
        "comment": "comment text",
        "constant": "constant text"
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/context_object/test_context_object.py::TestSnfBase::test_input_path[$$.Execution.Input]#get_execution_history",
    "definition": {
      "Comment": "CONTEXT_OBJECT_INPUT_PATH",
      "StartAt": "TestState",
      "States": {
        "TestState": {
          "Type": "Pass",
          "InputPath": "$$.Execution.Input",
          "End": true
        }
      }
    },
    "input": {
      "input-value": 0
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "input-value": 0
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/context_object/test_context_object.py::TestSnfBase::test_output_path[$$.Execution.Input]#get_execution_history",
    "definition": {
      "Comment": "CONTEXT_OBJECT_OUTPUT_PATH",
      "StartAt": "TestState",
      "States": {
        "TestState": {
          "Type": "Pass",
          "OutputPath": "$$.Execution.Input",
          "End": true
        }
      }
    },
    "input": {
      "input-value": 0
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "input-value": 0
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_array.py::TestArray::test_array_0#exec_hist_resp_0",
    "definition": {
      "Comment": "ARRAY_0",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.Array()"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": "HelloWorld"
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": []
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_array.py::TestArray::test_array_2#exec_hist_resp_0",
    "definition": {
      "Comment": "ARRAY_2",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.Array($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": "",
        "snd": ""
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": [
          "",
          ""
        ]
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_array.py::TestArray::test_array_2#exec_hist_resp_1",
    "definition": {
      "Comment": "ARRAY_2",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.Array($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": " ",
        "snd": " "
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": [
          " ",
          " "
        ]
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_array.py::TestArray::test_array_2#exec_hist_resp_2",
    "definition": {
      "Comment": "ARRAY_2",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.Array($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": "HelloWorld",
        "snd": "HelloWorld"
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": [
          "HelloWorld",
          "HelloWorld"
        ]
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_array.py::TestArray::test_array_2#exec_hist_resp_3",
    "definition": {
      "Comment": "ARRAY_2",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.Array($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": null,
        "snd": null
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": [
          null,
          null
        ]
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_array.py::TestArray::test_array_2#exec_hist_resp_4",
    "definition": {
      "Comment": "ARRAY_2",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.Array($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": 1,
        "snd": 1
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": [
          1,
          1
        ]
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_array.py::TestArray::test_array_2#exec_hist_resp_5",
    "definition": {
      "Comment": "ARRAY_2",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.Array($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": 1.1,
        "snd": 1.1
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": [
          1.1,
          1.1
        ]
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_array.py::TestArray::test_array_2#exec_hist_resp_6",
    "definition": {
      "Comment": "ARRAY_2",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.Array($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": "{\"Arg1\": 1, \"Arg2\": []}",
        "snd": "{\"Arg1\": 1, \"Arg2\": []}"
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": [
          "{\"Arg1\": 1, \"Arg2\": []}",
          "{\"Arg1\": 1, \"Arg2\": []}"
        ]
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_array.py::TestArray::test_array_2#exec_hist_resp_7",
    "definition": {
      "Comment": "ARRAY_2",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.Array($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": {
          "Arg1": 1,
          "Arg2": []
        },
        "snd": {
          "Arg1": 1,
          "Arg2": []
        }
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": [
          {
            "Arg1": 1,
            "Arg2": []
          },
          {
            "Arg1": 1,
            "Arg2": []
          }
        ]
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_array.py::TestArray::test_array_partition#exec_hist_resp_0",
    "definition": {
      "Comment": "ARRAY_PARTITION",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.ArrayPartition($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": [],
        "snd": 1
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": []
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_array.py::TestArray::test_array_partition#exec_hist_resp_1",
    "definition": {
      "Comment": "ARRAY_PARTITION",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.ArrayPartition($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": [],
        "snd": 2
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": []
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_array.py::TestArray::test_array_partition#exec_hist_resp_2",
    "definition": {
      "Comment": "ARRAY_PARTITION",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.ArrayPartition($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": [],
        "snd": 3
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": []
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_array.py::TestArray::test_array_partition#exec_hist_resp_3",
    "definition": {
      "Comment": "ARRAY_PARTITION",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.ArrayPartition($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": [],
        "snd": 4
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": []
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_array.py::TestArray::test_array_partition#exec_hist_resp_4",
    "definition": {
      "Comment": "ARRAY_PARTITION",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.ArrayPartition($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": [],
        "snd": 5
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": []
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_array.py::TestArray::test_array_partition#exec_hist_resp_5",
    "definition": {
      "Comment": "ARRAY_PARTITION",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.ArrayPartition($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": [
          0
        ],
        "snd": 1
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": [
          [
            0
          ]
        ]
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_array.py::TestArray::test_array_partition#exec_hist_resp_6",
    "definition": {
      "Comment": "ARRAY_PARTITION",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.ArrayPartition($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": [
          0
        ],
        "snd": 2
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": [
          [
            0
          ]
        ]
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_array.py::TestArray::test_array_partition#exec_hist_resp_7",
    "definition": {
      "Comment": "ARRAY_PARTITION",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.ArrayPartition($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": [
          0
        ],
        "snd": 3
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": [
          [
            0
          ]
        ]
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_array.py::TestArray::test_array_partition#exec_hist_resp_8",
    "definition": {
      "Comment": "ARRAY_PARTITION",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.ArrayPartition($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": [
          0
        ],
        "snd": 4
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": [
          [
            0
          ]
        ]
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_array.py::TestArray::test_array_partition#exec_hist_resp_9",
    "definition": {
      "Comment": "ARRAY_PARTITION",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.ArrayPartition($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": [
          0
        ],
        "snd": 5
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": [
          [
            0
          ]
        ]
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_array.py::TestArray::test_array_partition#exec_hist_resp_10",
    "definition": {
      "Comment": "ARRAY_PARTITION",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.ArrayPartition($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": [
          0,
          1
        ],
        "snd": 1
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": [
          [
            0
          ],
          [
            1
          ]
        ]
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_array.py::TestArray::test_array_partition#exec_hist_resp_11",
    "definition": {
      "Comment": "ARRAY_PARTITION",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.ArrayPartition($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": [
          0,
          1
        ],
        "snd": 2
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": [
          [
            0,
            1
          ]
        ]
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_array.py::TestArray::test_array_partition#exec_hist_resp_12",
    "definition": {
      "Comment": "ARRAY_PARTITION",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.ArrayPartition($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": [
          0,
          1
        ],
        "snd": 3
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": [
          [
            0,
            1
          ]
        ]
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_array.py::TestArray::test_array_partition#exec_hist_resp_13",
    "definition": {
      "Comment": "ARRAY_PARTITION",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.ArrayPartition($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": [
          0,
          1
        ],
        "snd": 4
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": [
          [
            0,
            1
          ]
        ]
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_array.py::TestArray::test_array_partition#exec_hist_resp_14",
    "definition": {
      "Comment": "ARRAY_PARTITION",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.ArrayPartition($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": [
          0,
          1
        ],
        "snd": 5
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": [
          [
            0,
            1
          ]
        ]
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_array.py::TestArray::test_array_partition#exec_hist_resp_15",
    "definition": {
      "Comment": "ARRAY_PARTITION",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.ArrayPartition($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": [
          0,
          1,
          2
        ],
        "snd": 1
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": [
          [
            0
          ],
          [
            1
          ],
          [
            2
          ]
        ]
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_array.py::TestArray::test_array_partition#exec_hist_resp_16",
    "definition": {
      "Comment": "ARRAY_PARTITION",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.ArrayPartition($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": [
          0,
          1,
          2
        ],
        "snd": 2
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": [
          [
            0,
            1
          ],
          [
            2
          ]
        ]
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_array.py::TestArray::test_array_partition#exec_hist_resp_17",
    "definition": {
      "Comment": "ARRAY_PARTITION",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.ArrayPartition($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": [
          0,
          1,
          2
        ],
        "snd": 3
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": [
          [
            0,
            1,
            2
          ]
        ]
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_array.py::TestArray::test_array_partition#exec_hist_resp_18",
    "definition": {
      "Comment": "ARRAY_PARTITION",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.ArrayPartition($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": [
          0,
          1,
          2
        ],
        "snd": 4
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": [
          [
            0,
            1,
            2
          ]
        ]
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_array.py::TestArray::test_array_partition#exec_hist_resp_19",
    "definition": {
      "Comment": "ARRAY_PARTITION",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.ArrayPartition($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": [
          0,
          1,
          2
        ],
        "snd": 5
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": [
          [
            0,
            1,
            2
          ]
        ]
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_array.py::TestArray::test_array_partition#exec_hist_resp_20",
    "definition": {
      "Comment": "ARRAY_PARTITION",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.ArrayPartition($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": [
          0,
          1,
          2,
          3
        ],
        "snd": 1
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": [
          [
            0
          ],
          [
            1
          ],
          [
            2
          ],
          [
            3
          ]
        ]
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_array.py::TestArray::test_array_partition#exec_hist_resp_21",
    "definition": {
      "Comment": "ARRAY_PARTITION",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.ArrayPartition($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": [
          0,
          1,
          2,
          3
        ],
        "snd": 2
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": [
          [
            0,
            1
          ],
          [
            2,
            3
          ]
        ]
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_array.py::TestArray::test_array_partition#exec_hist_resp_22",
    "definition": {
      "Comment": "ARRAY_PARTITION",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.ArrayPartition($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": [
          0,
          1,
          2,
          3
        ],
        "snd": 3
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": [
          [
            0,
            1,
            2
          ],
          [
            3
          ]
        ]
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_array.py::TestArray::test_array_partition#exec_hist_resp_23",
    "definition": {
      "Comment": "ARRAY_PARTITION",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.ArrayPartition($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": [
          0,
          1,
          2,
          3
        ],
        "snd": 4
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": [
          [
            0,
            1,
            2,
            3
          ]
        ]
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_array.py::TestArray::test_array_partition#exec_hist_resp_24",
    "definition": {
      "Comment": "ARRAY_PARTITION",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.ArrayPartition($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": [
          0,
          1,
          2,
          3
        ],
        "snd": 5
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": [
          [
            0,
            1,
            2,
            3
          ]
        ]
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_array.py::TestArray::test_array_contains#exec_hist_resp_0",
    "definition": {
      "Comment": "ARRAY_CONTAINS",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.ArrayContains($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": [],
        "snd": null
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": false
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_array.py::TestArray::test_array_contains#exec_hist_resp_1",
    "definition": {
      "Comment": "ARRAY_CONTAINS",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.ArrayContains($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": [],
        "snd": []
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": false
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_array.py::TestArray::test_array_contains#exec_hist_resp_2",
    "definition": {
      "Comment": "ARRAY_CONTAINS",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.ArrayContains($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": [],
        "snd": 1
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": false
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_array.py::TestArray::test_array_contains#exec_hist_resp_3",
    "definition": {
      "Comment": "ARRAY_CONTAINS",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.ArrayContains($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": [
          [
            1,
            2,
            3
          ],
          2
        ],
        "snd": null
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": false
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_array.py::TestArray::test_array_contains#exec_hist_resp_4",
    "definition": {
      "Comment": "ARRAY_CONTAINS",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.ArrayContains($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": [
          [
            1,
            2,
            3
          ],
          2
        ],
        "snd": [
          1,
          2,
          3
        ]
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": true
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_array.py::TestArray::test_array_contains#exec_hist_resp_5",
    "definition": {
      "Comment": "ARRAY_CONTAINS",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.ArrayContains($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": [
          {
            "1": 2,
            "2": []
          }
        ],
        "snd": []
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": false
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_array.py::TestArray::test_array_contains#exec_hist_resp_6",
    "definition": {
      "Comment": "ARRAY_CONTAINS",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.ArrayContains($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": [
          {
            "1": 2,
            "2": []
          }
        ],
        "snd": {
          "1": 2,
          "2": []
        }
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": true
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_array.py::TestArray::test_array_contains#exec_hist_resp_7",
    "definition": {
      "Comment": "ARRAY_CONTAINS",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.ArrayContains($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": [
          true,
          false
        ],
        "snd": true
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": true
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_array.py::TestArray::test_array_contains#exec_hist_resp_8",
    "definition": {
      "Comment": "ARRAY_CONTAINS",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.ArrayContains($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": [
          true,
          false
        ],
        "snd": false
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": true
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_array.py::TestArray::test_array_range#exec_hist_resp_0",
    "definition": {
      "Comment": "ARRAY_RANGE",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.ArrayRange($.FunctionInput.fst, $.FunctionInput.snd, $.FunctionInput.trd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": 0,
        "snd": 9,
        "trd": 3
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": [
          0,
          3,
          6,
          9
        ]
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_array.py::TestArray::test_array_range#exec_hist_resp_1",
    "definition": {
      "Comment": "ARRAY_RANGE",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.ArrayRange($.FunctionInput.fst, $.FunctionInput.snd, $.FunctionInput.trd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": 0,
        "snd": 10,
        "trd": 3
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": [
          0,
          3,
          6,
          9
        ]
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_array.py::TestArray::test_array_range#exec_hist_resp_2",
    "definition": {
      "Comment": "ARRAY_RANGE",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.ArrayRange($.FunctionInput.fst, $.FunctionInput.snd, $.FunctionInput.trd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": 1,
        "snd": 9,
        "trd": 9
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": [
          1
        ]
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_array.py::TestArray::test_array_range#exec_hist_resp_3",
    "definition": {
      "Comment": "ARRAY_RANGE",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.ArrayRange($.FunctionInput.fst, $.FunctionInput.snd, $.FunctionInput.trd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": 1,
        "snd": 9,
        "trd": 2
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": [
          1,
          3,
          5,
          7,
          9
        ]
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_array.py::TestArray::test_array_get_item#exec_hist_resp_0",
    "definition": {
      "Comment": "ARRAY_GET_ITEM",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.ArrayGetItem($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": [
          1,
          2,
          3,
          4,
          5,
          6,
          7,
          8,
          9
        ],
        "snd": 5
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": 6
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_array.py::TestArray::test_array_length#exec_hist_resp_0",
    "definition": {
      "Comment": "ARRAY_LENGTH",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.ArrayLength($.FunctionInput)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": [
        1,
        2,
        3,
        4,
        5,
        6,
        7,
        8,
        9
      ]
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": 9
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_array.py::TestArray::test_array_unique#exec_hist_resp_0",
    "definition": {
      "Comment": "ARRAY_LENGTH",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.ArrayLength($.FunctionInput)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": [
        null,
        null,
        true,
        true,
        false,
        false,
        1,
        1,
        1.1,
        0,
        0,
        "HelloWorld",
        "HelloWorld",
        [],
        [],
        [
          null
        ],
        [
          null
        ],
        {
          "a": 1,
          "b": 2
        },
        {
          "a": 1,
          "b": 2
        },
        {
          "a": 1,
          "b": 1
        }
      ]
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": 20
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_encode_decode.py::TestEncodeDecode::test_base_64_encode#exec_hist_resp_0",
    "definition": {
      "Comment": "BASE_64_ENCODE",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.Base64Encode($.FunctionInput)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": ""
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": ""
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_encode_decode.py::TestEncodeDecode::test_base_64_encode#exec_hist_resp_1",
    "definition": {
      "Comment": "BASE_64_ENCODE",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.Base64Encode($.FunctionInput)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": "Data to encode"
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": "RGF0YSB0byBlbmNvZGU="
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_encode_decode.py::TestEncodeDecode::test_base_64_decode#exec_hist_resp_0",
    "definition": {
      "Comment": "BASE_64_DECODE",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.Base64Decode($.FunctionInput)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": ""
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": ""
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_encode_decode.py::TestEncodeDecode::test_base_64_decode#exec_hist_resp_1",
    "definition": {
      "Comment": "BASE_64_DECODE",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.Base64Decode($.FunctionInput)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": "RGF0YSB0byBlbmNvZGU="
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": "Data to encode"
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_generic.py::TestGeneric::test_format_1#exec_hist_resp_0",
    "definition": {
      "Comment": "FORMAT_1",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.Format('Formatting argument {}.', $.FunctionInput)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": ""
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": "Formatting argument ."
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_generic.py::TestGeneric::test_format_1#exec_hist_resp_1",
    "definition": {
      "Comment": "FORMAT_1",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.Format('Formatting argument {}.', $.FunctionInput)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": " "
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": "Formatting argument  ."
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_generic.py::TestGeneric::test_format_1#exec_hist_resp_2",
    "definition": {
      "Comment": "FORMAT_1",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.Format('Formatting argument {}.', $.FunctionInput)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": "HelloWorld"
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": "Formatting argument HelloWorld."
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_generic.py::TestGeneric::test_format_1#exec_hist_resp_3",
    "definition": {
      "Comment": "FORMAT_1",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.Format('Formatting argument {}.', $.FunctionInput)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": null
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": "Formatting argument null."
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_generic.py::TestGeneric::test_format_1#exec_hist_resp_4",
    "definition": {
      "Comment": "FORMAT_1",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.Format('Formatting argument {}.', $.FunctionInput)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": 1
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": "Formatting argument 1."
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_generic.py::TestGeneric::test_format_1#exec_hist_resp_5",
    "definition": {
      "Comment": "FORMAT_1",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.Format('Formatting argument {}.', $.FunctionInput)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": 1.1
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": "Formatting argument 1.1."
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_generic.py::TestGeneric::test_format_1#exec_hist_resp_6",
    "definition": {
      "Comment": "FORMAT_1",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.Format('Formatting argument {}.', $.FunctionInput)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": "{\"Arg1\": 1, \"Arg2\": []}"
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": "Formatting argument {\"Arg1\": 1, \"Arg2\": []}."
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_generic.py::TestGeneric::test_format_2#exec_hist_resp_0",
    "definition": {
      "Comment": "FORMAT_2",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.Format('Formatting arguments fst={} and snd={}.', $.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": "",
        "snd": ""
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": "Formatting arguments fst= and snd=."
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_generic.py::TestGeneric::test_format_2#exec_hist_resp_1",
    "definition": {
      "Comment": "FORMAT_2",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.Format('Formatting arguments fst={} and snd={}.', $.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": " ",
        "snd": " "
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": "Formatting arguments fst=  and snd= ."
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_generic.py::TestGeneric::test_format_2#exec_hist_resp_2",
    "definition": {
      "Comment": "FORMAT_2",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.Format('Formatting arguments fst={} and snd={}.', $.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": "HelloWorld",
        "snd": "HelloWorld"
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": "Formatting arguments fst=HelloWorld and snd=HelloWorld."
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_generic.py::TestGeneric::test_format_2#exec_hist_resp_3",
    "definition": {
      "Comment": "FORMAT_2",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.Format('Formatting arguments fst={} and snd={}.', $.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": null,
        "snd": null
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": "Formatting arguments fst=null and snd=null."
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_generic.py::TestGeneric::test_format_2#exec_hist_resp_4",
    "definition": {
      "Comment": "FORMAT_2",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.Format('Formatting arguments fst={} and snd={}.', $.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": 1,
        "snd": 1
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": "Formatting arguments fst=1 and snd=1."
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_generic.py::TestGeneric::test_format_2#exec_hist_resp_5",
    "definition": {
      "Comment": "FORMAT_2",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.Format('Formatting arguments fst={} and snd={}.', $.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": 1.1,
        "snd": 1.1
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": "Formatting arguments fst=1.1 and snd=1.1."
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_generic.py::TestGeneric::test_format_2#exec_hist_resp_6",
    "definition": {
      "Comment": "FORMAT_2",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.Format('Formatting arguments fst={} and snd={}.', $.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": "{\"Arg1\": 1, \"Arg2\": []}",
        "snd": "{\"Arg1\": 1, \"Arg2\": []}"
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": "Formatting arguments fst={\"Arg1\": 1, \"Arg2\": []} and snd={\"Arg1\": 1, \"Arg2\": []}."
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_generic.py::TestGeneric::test_format_2#exec_hist_resp_7",
    "definition": {
      "Comment": "FORMAT_2",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.Format('Formatting arguments fst={} and snd={}.', $.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": {
          "Arg1": 1,
          "Arg2": []
        },
        "snd": {
          "Arg1": 1,
          "Arg2": []
        }
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": "Formatting arguments fst={Arg1=1, Arg2=[]} and snd={Arg1=1, Arg2=[]}."
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_generic.py::TestGeneric::test_escape_sequence#exec_hist_resp_0",
    "definition": {
      "Comment": "ESCAPE_SEQUENCE",
      "StartAt": "State0",
      "States": {
        "State0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.StringSplit('Hello\nWorld', '\n')"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": null
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": [
          "Hello",
          "World"
        ]
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_hash_calculations.py::TestHashCalculations::test_hash#exec_hist_resp_0",
    "definition": {
      "Comment": "HASH",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.Hash($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": "input data",
        "snd": "MD5"
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": "812f45842bc6d66ee14572ce20db8e86"
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_hash_calculations.py::TestHashCalculations::test_hash#exec_hist_resp_1",
    "definition": {
      "Comment": "HASH",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.Hash($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": "input data",
        "snd": "SHA-1"
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": "aaff4a450a104cd177d28d18d74485e8cae074b7"
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_hash_calculations.py::TestHashCalculations::test_hash#exec_hist_resp_2",
    "definition": {
      "Comment": "HASH",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.Hash($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": "input data",
        "snd": "SHA-256"
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": "b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3"
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_hash_calculations.py::TestHashCalculations::test_hash#exec_hist_resp_3",
    "definition": {
      "Comment": "HASH",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.Hash($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": "input data",
        "snd": "SHA-384"
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": "d28a7d5cf25a74f11a50a18452b75e04bb3d70c9dd0510d6123aa008c756511b87525bdc835ebb27e1fb9e9374a15562"
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_hash_calculations.py::TestHashCalculations::test_hash#exec_hist_resp_4",
    "definition": {
      "Comment": "HASH",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.Hash($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": "input data",
        "snd": "SHA-512"
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": "6ce4adb348546d4f449c4d25aad9a7c9cb711d9e91982d3f0b29ca2f3f47d4ce2deba23bf2954f0f1d593fc50283731a533d30d425402d4f91316d871303aac4"
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_json_manipulation.py::TestJsonManipulation::test_string_to_json#exec_hist_resp_0",
    "definition": {
      "Comment": "STRING_TO_JSON",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.StringToJson($.FunctionInput)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": ""
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": null
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_json_manipulation.py::TestJsonManipulation::test_string_to_json#exec_hist_resp_1",
    "definition": {
      "Comment": "STRING_TO_JSON",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.StringToJson($.FunctionInput)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": " "
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": null
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_json_manipulation.py::TestJsonManipulation::test_string_to_json#exec_hist_resp_2",
    "definition": {
      "Comment": "STRING_TO_JSON",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.StringToJson($.FunctionInput)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": "null"
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": null
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_json_manipulation.py::TestJsonManipulation::test_string_to_json#exec_hist_resp_3",
    "definition": {
      "Comment": "STRING_TO_JSON",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.StringToJson($.FunctionInput)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": "-0"
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": 0
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_json_manipulation.py::TestJsonManipulation::test_string_to_json#exec_hist_resp_4",
    "definition": {
      "Comment": "STRING_TO_JSON",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.StringToJson($.FunctionInput)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": "1"
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": 1
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_json_manipulation.py::TestJsonManipulation::test_string_to_json#exec_hist_resp_5",
    "definition": {
      "Comment": "STRING_TO_JSON",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.StringToJson($.FunctionInput)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": "1.1"
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": 1.1
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_json_manipulation.py::TestJsonManipulation::test_string_to_json#exec_hist_resp_6",
    "definition": {
      "Comment": "STRING_TO_JSON",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.StringToJson($.FunctionInput)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": "true"
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": true
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_json_manipulation.py::TestJsonManipulation::test_string_to_json#exec_hist_resp_7",
    "definition": {
      "Comment": "STRING_TO_JSON",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.StringToJson($.FunctionInput)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": "\"HelloWorld\""
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": "HelloWorld"
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_json_manipulation.py::TestJsonManipulation::test_string_to_json#exec_hist_resp_8",
    "definition": {
      "Comment": "STRING_TO_JSON",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.StringToJson($.FunctionInput)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": "[1, 2, \"HelloWorld\"]"
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": [
          1,
          2,
          "HelloWorld"
        ]
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_json_manipulation.py::TestJsonManipulation::test_string_to_json#exec_hist_resp_9",
    "definition": {
      "Comment": "STRING_TO_JSON",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.StringToJson($.FunctionInput)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": "{\"Arg1\": 1, \"Arg2\": []}"
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": {
          "Arg1": 1,
          "Arg2": []
        }
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_json_manipulation.py::TestJsonManipulation::test_json_to_string#exec_hist_resp_0",
    "definition": {
      "Comment": "JSON_TO_STRING",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.JsonToString($.FunctionInput)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": null
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": "null"
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_json_manipulation.py::TestJsonManipulation::test_json_to_string#exec_hist_resp_1",
    "definition": {
      "Comment": "JSON_TO_STRING",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.JsonToString($.FunctionInput)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": 0
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": "0"
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_json_manipulation.py::TestJsonManipulation::test_json_to_string#exec_hist_resp_2",
    "definition": {
      "Comment": "JSON_TO_STRING",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.JsonToString($.FunctionInput)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": 1
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": "1"
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_json_manipulation.py::TestJsonManipulation::test_json_to_string#exec_hist_resp_3",
    "definition": {
      "Comment": "JSON_TO_STRING",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.JsonToString($.FunctionInput)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": 1.1
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": "1.1"
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_json_manipulation.py::TestJsonManipulation::test_json_to_string#exec_hist_resp_4",
    "definition": {
      "Comment": "JSON_TO_STRING",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.JsonToString($.FunctionInput)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": true
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": "true"
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_json_manipulation.py::TestJsonManipulation::test_json_to_string#exec_hist_resp_5",
    "definition": {
      "Comment": "JSON_TO_STRING",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.JsonToString($.FunctionInput)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": "HelloWorld"
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": "\"HelloWorld\""
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_json_manipulation.py::TestJsonManipulation::test_json_to_string#exec_hist_resp_6",
    "definition": {
      "Comment": "JSON_TO_STRING",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.JsonToString($.FunctionInput)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": [
        1,
        2,
        "HelloWorld"
      ]
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": "[1,2,\"HelloWorld\"]"
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_json_manipulation.py::TestJsonManipulation::test_json_to_string#exec_hist_resp_7",
    "definition": {
      "Comment": "JSON_TO_STRING",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.JsonToString($.FunctionInput)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "Arg1": 1,
        "Arg2": []
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": "{\"Arg1\":1,\"Arg2\":[]}"
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_json_manipulation.py::TestJsonManipulation::test_json_merge#exec_hist_resp_0",
    "definition": {
      "Comment": "JSON_MERGE",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.JsonMerge($.FunctionInput.fst, $.FunctionInput.snd, false)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": {
          "a": {
            "a1": 1,
            "a2": 2
          },
          "b": 2,
          "d": 3
        },
        "snd": {
          "a": {
            "a3": 1,
            "a4": 2
          },
          "c": 3,
          "d": 4
        }
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": {
          "a": {
            "a3": 1,
            "a4": 2
          },
          "b": 2,
          "c": 3,
          "d": 4
        }
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_json_manipulation.py::TestJsonManipulation::test_json_merge_escaped_argument#get_execution_history",
    "definition": {
      "Comment": "JSON_MERGE_ESCAPED_ARGUMENT",
      "StartAt": "StartState",
      "States": {
        "StartState": {
          "Type": "Pass",
          "ResultPath": "$.result_path",
          "Parameters": {
            "merged.$": "States.JsonMerge(States.StringToJson('{\"constant_in_literal\": \"false\"}'), $$.Execution.Input.input_field, false)"
          },
          "OutputPath": "$.result_path.merged",
          "End": true
        }
      }
    },
    "input": {
      "input_field": {
        "constant_input_field": "constant_value"
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "constant_input_field": "constant_value",
        "constant_in_literal": "false"
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_math_operations.py::TestMathOperations::test_math_add#exec_hist_resp_0",
    "definition": {
      "Comment": "MATH_ADD",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.MathAdd($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": -9,
        "snd": 3
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": -6
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_math_operations.py::TestMathOperations::test_math_add#exec_hist_resp_1",
    "definition": {
      "Comment": "MATH_ADD",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.MathAdd($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": 1.49,
        "snd": 1.5
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": 3
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_math_operations.py::TestMathOperations::test_math_add#exec_hist_resp_2",
    "definition": {
      "Comment": "MATH_ADD",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.MathAdd($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": 1.5,
        "snd": 1.51
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": 4
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_math_operations.py::TestMathOperations::test_math_add#exec_hist_resp_3",
    "definition": {
      "Comment": "MATH_ADD",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.MathAdd($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": -1.49,
        "snd": -1.5
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": -2
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_math_operations.py::TestMathOperations::test_math_add#exec_hist_resp_4",
    "definition": {
      "Comment": "MATH_ADD",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.MathAdd($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": -1.5,
        "snd": -1.51
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": -3
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_math_operations.py::TestMathOperations::test_math_add#exec_hist_resp_5",
    "definition": {
      "Comment": "MATH_ADD",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.MathAdd($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": 1.49,
        "snd": 0
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": 1
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_math_operations.py::TestMathOperations::test_math_add#exec_hist_resp_6",
    "definition": {
      "Comment": "MATH_ADD",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.MathAdd($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": 1.49,
        "snd": -1.49
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": 0
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_math_operations.py::TestMathOperations::test_math_add#exec_hist_resp_7",
    "definition": {
      "Comment": "MATH_ADD",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.MathAdd($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": 1.5,
        "snd": 0
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": 2
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_math_operations.py::TestMathOperations::test_math_add#exec_hist_resp_8",
    "definition": {
      "Comment": "MATH_ADD",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.MathAdd($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": 1.51,
        "snd": 0
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": 2
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_math_operations.py::TestMathOperations::test_math_add#exec_hist_resp_9",
    "definition": {
      "Comment": "MATH_ADD",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.MathAdd($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": -1.49,
        "snd": 0
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": -1
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_math_operations.py::TestMathOperations::test_math_add#exec_hist_resp_10",
    "definition": {
      "Comment": "MATH_ADD",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.MathAdd($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": -1.5,
        "snd": 0
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": -1
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_math_operations.py::TestMathOperations::test_math_add#exec_hist_resp_11",
    "definition": {
      "Comment": "MATH_ADD",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.MathAdd($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": -1.51,
        "snd": 0
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": -2
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_math_operations.py::TestMathOperations::test_math_add#exec_hist_resp_12",
    "definition": {
      "Comment": "MATH_ADD",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.MathAdd($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": 0.5,
        "snd": 0
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": 1
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_math_operations.py::TestMathOperations::test_math_add#exec_hist_resp_14",
    "definition": {
      "Comment": "MATH_ADD",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.MathAdd($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": 2.5,
        "snd": 0
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": 3
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_math_operations.py::TestMathOperations::test_math_add#exec_hist_resp_15",
    "definition": {
      "Comment": "MATH_ADD",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.MathAdd($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": 3.5,
        "snd": 0
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": 4
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_math_operations.py::TestMathOperations::test_math_add#exec_hist_resp_16",
    "definition": {
      "Comment": "MATH_ADD",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.MathAdd($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": -0.5,
        "snd": 0.5
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": 1
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_math_operations.py::TestMathOperations::test_math_add#exec_hist_resp_17",
    "definition": {
      "Comment": "MATH_ADD",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.MathAdd($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": -0.5,
        "snd": 0
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": 0
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_math_operations.py::TestMathOperations::test_math_add#exec_hist_resp_19",
    "definition": {
      "Comment": "MATH_ADD",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.MathAdd($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": -2.5,
        "snd": 0
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": -2
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_math_operations.py::TestMathOperations::test_math_add#exec_hist_resp_20",
    "definition": {
      "Comment": "MATH_ADD",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.MathAdd($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": -3.5,
        "snd": 0
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": -3
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_string_operations.py::TestStringOperations::test_string_split#exec_hist_resp_0",
    "definition": {
      "Comment": "STRING_SPLIT",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.StringSplit($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": " ",
        "snd": ","
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": [
          " "
        ]
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_string_operations.py::TestStringOperations::test_string_split#exec_hist_resp_1",
    "definition": {
      "Comment": "STRING_SPLIT",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.StringSplit($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": " , ",
        "snd": ","
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": [
          " ",
          " "
        ]
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_string_operations.py::TestStringOperations::test_string_split#exec_hist_resp_2",
    "definition": {
      "Comment": "STRING_SPLIT",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.StringSplit($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": ", , ,",
        "snd": ","
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": [
          " ",
          " "
        ]
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_string_operations.py::TestStringOperations::test_string_split#exec_hist_resp_3",
    "definition": {
      "Comment": "STRING_SPLIT",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.StringSplit($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": ",,,,",
        "snd": ","
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": []
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_string_operations.py::TestStringOperations::test_string_split#exec_hist_resp_4",
    "definition": {
      "Comment": "STRING_SPLIT",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.StringSplit($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": "1,2,3,4,5",
        "snd": ","
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": [
          "1",
          "2",
          "3",
          "4",
          "5"
        ]
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_string_operations.py::TestStringOperations::test_string_split#exec_hist_resp_5",
    "definition": {
      "Comment": "STRING_SPLIT",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.StringSplit($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": "This.is+a,test=string",
        "snd": ".+,="
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": [
          "This",
          "is",
          "a",
          "test",
          "string"
        ]
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_string_operations.py::TestStringOperations::test_string_split#exec_hist_resp_6",
    "definition": {
      "Comment": "STRING_SPLIT",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "Parameters": {
            "FunctionResult.$": "States.StringSplit($.FunctionInput.fst, $.FunctionInput.snd)"
          },
          "End": true
        }
      }
    },
    "input": {
      "FunctionInput": {
        "fst": "split on T and \nnew line",
        "snd": "T\n"
      }
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": [
          "split on ",
          " and ",
          "new line"
        ]
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/intrinsic_functions/test_string_operations.py::TestStringOperations::test_string_split_context_object#exec_hist_resp_0",
    "definition": {
      "Comment": "STRING_SPLIT_CONTEXT_OBJECT",
      "StartAt": "State_0",
      "States": {
        "State_0": {
          "Type": "Pass",
          "End": true,
          "Parameters": {
            "FunctionResult.$": "States.StringSplit($$.Execution.Input.FunctionInput, ',')"
          }
        }
      }
    },
    "input": {
      "FunctionInput": "Value1,Value2,Value3\nValue4,Value5,Value6\n,,,\ntrue,1,'HelloWorld'\nNull,None,\n   \n"
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "FunctionResult": [
          "Value1",
          "Value2",
          "Value3\nValue4",
          "Value5",
          "Value6\n",
          "\ntrue",
          "1",
          "'HelloWorld'\nNull",
          "None",
          "\n   \n"
        ]
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/scenarios/test_base_scenarios.py::TestBaseScenarios::test_invalid_jsonpath[INVALID_JSONPATH_IN_ERRORPATH]#get_execution_history",
    "definition": {
      "StartAt": "pass",
      "States": {
        "pass": {
          "Type": "Pass",
          "Next": "fail",
          "Parameters": {
            "Error": "error-value"
          }
        },
        "fail": {
          "Type": "Fail",
          "ErrorPath": "$.ErrorX"
        }
      }
    },
    "input": {
      "int-literal": 0
    },
    "expected": {
      "status": "FAILED",
      "error": "States.Runtime",
      "cause": "An error occurred while executing the state 'fail' (entered at the event id #4). The JSONPath '$.ErrorX' specified for the field 'ErrorPath' could not be found in the input '<json-input:1>'"
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/scenarios/test_base_scenarios.py::TestBaseScenarios::test_invalid_jsonpath[INVALID_JSONPATH_IN_STRING_EXPR_JSONPATH]#get_execution_history",
    "definition": {
      "StartAt": "pass",
      "States": {
        "pass": {
          "Type": "Pass",
          "Parameters": {
            "value.$": "$.no_such_jsonpath"
          },
          "End": true
        }
      }
    },
    "input": {
      "int-literal": 0
    },
    "expected": {
      "status": "FAILED",
      "error": "States.Runtime",
      "cause": "An error occurred while executing the state 'pass' (entered at the event id #2). The JSONPath '$.no_such_jsonpath' specified for the field 'value.$' could not be found in the input '<json-input:1>'"
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/scenarios/test_base_scenarios.py::TestBaseScenarios::test_invalid_jsonpath[INVALID_JSONPATH_IN_STRING_EXPR_CONTEXTPATH]#get_execution_history",
    "definition": {
      "StartAt": "pass",
      "States": {
        "pass": {
          "Type": "Pass",
          "Parameters": {
            "value.$": "$$.Execution.Input.no_such_jsonpath"
          },
          "End": true
        }
      }
    },
    "input": {
      "int-literal": 0
    },
    "expected": {
      "status": "FAILED",
      "error": "States.Runtime",
      "cause": "An error occurred while executing the state 'pass' (entered at the event id #2). The JSONPath '$$.Execution.Input.no_such_jsonpath' specified for the field 'value.$' could not be found in the input '<json-input:1>'"
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/scenarios/test_base_scenarios.py::TestBaseScenarios::test_invalid_jsonpath[ST.INVALID_JSONPATH_IN_CAUSEPATH]#get_execution_history",
    "definition": {
      "StartAt": "pass",
      "States": {
        "pass": {
          "Type": "Pass",
          "Next": "fail",
          "Parameters": {
            "Error": "error-value"
          }
        },
        "fail": {
          "Type": "Fail",
          "ErrorPath": "$.Error",
          "CausePath": "$.NoSuchCausePath"
        }
      }
    },
    "input": {
      "int-literal": 0
    },
    "expected": {
      "status": "FAILED",
      "error": "States.Runtime",
      "cause": "An error occurred while executing the state 'fail' (entered at the event id #4). The JSONPath '$.NoSuchCausePath' specified for the field 'CausePath' could not be found in the input '<json-input:1>'"
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/scenarios/test_base_scenarios.py::TestBaseScenarios::test_invalid_jsonpath[ST.INVALID_JSONPATH_IN_INPUTPATH]#get_execution_history",
    "definition": {
      "StartAt": "pass",
      "States": {
        "pass": {
          "Type": "Pass",
          "InputPath": "$.NoSuchInputPath",
          "End": true
        }
      }
    },
    "input": {
      "int-literal": 0
    },
    "expected": {
      "status": "FAILED",
      "error": "States.Runtime",
      "cause": "An error occurred while executing the state 'pass' (entered at the event id #2). Invalid path '$.NoSuchInputPath' : No results for path: $['NoSuchInputPath']"
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/scenarios/test_base_scenarios.py::TestBaseScenarios::test_invalid_jsonpath[ST.INVALID_JSONPATH_IN_OUTPUTPATH]#get_execution_history",
    "definition": {
      "StartAt": "pass",
      "States": {
        "pass": {
          "Type": "Pass",
          "OutputPath": "$.NoSuchOutputPath",
          "End": true
        }
      }
    },
    "input": {
      "int-literal": 0
    },
    "expected": {
      "status": "FAILED",
      "error": "States.Runtime",
      "cause": "An error occurred while executing the state 'pass' (entered at the event id #2). Invalid path '$.NoSuchOutputPath' : No results for path: $['NoSuchOutputPath']"
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/scenarios/test_base_scenarios.py::TestBaseScenarios::test_escape_sequence_parsing[ESCAPE_SEQUENCES_STRING_LITERALS]#get_execution_history",
    "definition": {
      "StartAt": "TestEscapesParameters",
      "States": {
        "TestEscapesParameters": {
          "Type": "Pass",
          "Parameters": {
            "literal_single_quote": "'",
            "literal_double_quote": "\"",
            "mixed_quotes": "Text with both \"double\" and 'single' quotes.",
            "escaped_double_in_string": "An escaped quote: \\\"hello\\\"",
            "escaped_backslash": "Backslash \\\\ in string",
            "unicode_double_quote": "\"unicode-quote\"",
            "whitespace_escapes": "Line1\nLine2\tTabbed",
            "emoji": "🆗"
          },
          "Next": "TestEscapesResult"
        },
        "TestEscapesResult": {
          "Type": "Pass",
          "Result": {
            "literal_single_quote": "'",
            "literal_double_quote": "\"",
            "mixed_quotes": "Text with both \"double\" and 'single' quotes.",
            "escaped_double_in_string": "An escaped quote: \\\"hello\\\"",
            "escaped_backslash": "Backslash \\\\ in string",
            "unicode_double_quote": "\"unicode-quote\"",
            "whitespace_escapes": "Line1\nLine2\tTabbed",
            "emoji": "🆗",
            "not_an_intrinsic_function.$": "States.StringToJson('{\"text\":\"An \\\"escaped double quote\\\" here\"}')"
          },
          "End": true
        }
      }
    },
    "input": {
      "Test\\\"\"Name\"": "Value\"\\"
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "literal_single_quote": "'",
        "literal_double_quote": "\"",
        "mixed_quotes": "Text with both \"double\" and 'single' quotes.",
        "escaped_double_in_string": "An escaped quote: \\\"hello\\\"",
        "escaped_backslash": "Backslash \\\\ in string",
        "unicode_double_quote": "\"unicode-quote\"",
        "whitespace_escapes": "Line1\nLine2\tTabbed",
        "emoji": "🆗",
        "not_an_intrinsic_function.$": "States.StringToJson('{\"text\":\"An \\\"escaped double quote\\\" here\"}')"
      }
    }
  },
  {
    "id": "tests/aws/services/stepfunctions/v2/scenarios/test_base_scenarios.py::TestBaseScenarios::test_escape_sequence_parsing[ESCAPE_SEQUENCES_JSONPATH]#get_execution_history",
    "definition": {
      "StartAt": "JsonPathEscapeTest",
      "States": {
        "JsonPathEscapeTest": {
          "Type": "Pass",
          "Parameters": {
            "value.$": "$['Test\\\"\"Name\"']"
          },
          "End": true
        }
      }
    },
    "input": {
      "Test\\\"\"Name\"": "Value\"\\"
    },
    "expected": {
      "status": "SUCCEEDED",
      "output": {
        "value": "Value\"\\"
      }
    }
  }
];
